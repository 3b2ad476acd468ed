package katas.testkit.samples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import katas.testkit.Schedules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link KataTestCost} for Fray explorations, on Fray's JDK, against a plain test run on the same JDK. */
@Tag("experiment")
@Tag("FrayTest")
@DisplayName("Cost of a Fray kata test")
class FrayKataTestCost {

    @Test
    @Timeout(value = 1, unit = java.util.concurrent.TimeUnit.HOURS)
    @DisplayName("against a plain test")
    void costs() {
        KataTestCost.measure("Fray's JDK", List.of(KataTestCost.PLAIN,
                new KataTestCost.Kind("Fray, " + Schedules.ITERATIONS + " schedules, 2 threads",
                        selectMethod(FraySamples.class, "transferInIdOrder")),
                new KataTestCost.Kind("Fray, " + Schedules.ITERATIONS + " schedules, 3 threads",
                        selectMethod(FraySamples.class, "goodEventTwoWaiters"))));
    }
}
