package katas.testkit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.DiscoverySelector;

/**
 * What one kata test costs with each kind of evidence, so lesson authors can budget the self-check:
 * a plain test (an {@code ExclusiveSection} check), a Lincheck model check and a Fray exploration of
 * {@link katas.testkit.Schedules#ITERATIONS} schedules, each on correct code (the slow case: a bug
 * ends the search early). Prints the median of {@code cost.runs} runs and its ratio to the plain
 * test measured in the same run. Run it with {@code bench/kata-test-cost.sh}. {@link FrayKataTestCost}
 * does the same for Fray, on Fray's JDK.
 */
@Tag("experiment")
@DisplayName("Cost of a kata test")
class KataTestCost {

    private static final int RUNS = Integer.getInteger("cost.runs", 5);

    record Kind(String name, DiscoverySelector test) {
    }

    static final Kind PLAIN = new Kind("plain (ExclusiveSection, 2 workers)",
            selectMethod(ExclusionSamples.class, "guardedWriters"));

    @Test
    @Timeout(value = 1, unit = java.util.concurrent.TimeUnit.HOURS)
    @DisplayName("per kind of evidence, against a plain test")
    void costs() {
        measure("plain JDK", List.of(PLAIN,
                new Kind("Lincheck model check (ModelCheck)", selectClass(ModelCheckSamples.SynchronizedCounterModel.class))));
    }

    /** Prints the median cost of each kind, the first being the baseline, all measured in this JVM. */
    static void measure(String jvm, List<Kind> kinds) {
        DetectionTest.run(kinds.get(0).test()); // warm up the JVM once
        double baseline = 0;
        System.out.println("[cost] | kind of test (" + jvm + ") | median seconds | ratio to plain |");
        System.out.println("[cost] |---|---|---|");
        for (Kind kind : kinds) {
            double[] seconds = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                var results = DetectionTest.run(kind.test());
                seconds[run] = (System.nanoTime() - start) / 1e9;
                assertThat(DetectionTest.firstFailure(results)).as("%s must pass", kind.name()).isEmpty();
            }
            Arrays.sort(seconds);
            double median = seconds[RUNS / 2];
            if (baseline == 0) {
                baseline = median;
            }
            System.out.printf("[cost] | %s | %.3f | %.1fx |%n", kind.name(), median, median / baseline);
        }
    }
}
