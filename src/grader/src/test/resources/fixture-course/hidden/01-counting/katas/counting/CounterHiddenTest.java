package katas.counting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Counter (hidden)")
class CounterHiddenTest {

    @Test
    @DisplayName("a new counter reads zero")
    void a_new_counter_reads_zero() {
        assertThat(new Counter().value()).as("nothing counted yet").isZero();
    }
}
