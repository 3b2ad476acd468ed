package katas.core;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one run of test classes in a separate JVM.
 *
 * @param outcomes one per test that reported back
 * @param timedOut true when the whole run exceeded its time limit and was killed
 * @param exitCode the test JVM's exit code ({@code -1} if killed)
 * @param output the end of what the test JVM printed, capped
 * @param elapsed wall-clock time of the run
 */
public record RunResult(List<TestOutcome> outcomes, boolean timedOut, int exitCode, String output, Duration elapsed) {

    public RunResult {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcomes of the tests of one test class, its nested classes included. */
    public List<TestOutcome> of(String testClass) {
        return outcomes.stream()
                .filter(outcome -> outcome.className().equals(testClass) || outcome.className().startsWith(testClass + "$"))
                .toList();
    }
}
