package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kit's JUnit timeouts follow -Dkata.timeout.factor; at the default factor 1 they keep their length. */
class ScaledTimeoutsTest {

    @Test
    void reads_every_unit_of_junits_duration_format() {
        double f = Delays.FACTOR;
        assertThat(ScaledTimeouts.scale("30 s")).contains(Math.round(30_000 * f) + " ms");
        assertThat(ScaledTimeouts.scale("120")).contains(Math.round(120_000 * f) + " ms");
        assertThat(ScaledTimeouts.scale("2 m")).contains(Math.round(120_000 * f) + " ms");
        assertThat(ScaledTimeouts.scale("1500ms")).contains(Math.round(1_500 * f) + " ms");
        assertThat(ScaledTimeouts.scale("1 H")).contains(Math.round(3_600_000 * f) + " ms");
    }

    @Test
    void leaves_what_it_cannot_read_to_junit() {
        assertThat(ScaledTimeouts.scale("thirty seconds")).isEmpty();
        assertThat(ScaledTimeouts.scale("")).isEmpty();
    }

    @Test
    void the_kit_sets_both_the_test_and_the_template_timeout() throws Exception {
        var properties = new java.util.Properties();
        try (var in = ScaledTimeouts.class.getResourceAsStream("/junit-platform.properties")) {
            properties.load(in);
        }
        for (String key : ScaledTimeouts.KEYS) {
            assertThat(properties.getProperty(key)).as(key).isNotBlank();
            assertThat(ScaledTimeouts.scale(properties.getProperty(key))).as(key).isPresent();
        }
    }

    @Test
    void a_factor_other_than_1_reaches_junit_before_the_first_test() throws Exception {
        var properties = new java.util.Properties();
        try (var in = ScaledTimeouts.class.getResourceAsStream("/junit-platform.properties")) {
            properties.load(in);
        }
        String key = ScaledTimeouts.KEYS.get(0);
        if (Delays.FACTOR == 1) {
            assertThat(System.getProperty(key)).as("no factor, nothing to scale").isNull();
        } else {
            assertThat(System.getProperty(key)).isEqualTo(ScaledTimeouts.scale(properties.getProperty(key)).orElseThrow());
        }
    }
}
