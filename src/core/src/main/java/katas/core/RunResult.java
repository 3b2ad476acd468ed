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

    /** This run and {@code other} as one: both runs' outcomes, the longer time, the first failure. */
    public RunResult and(RunResult other) {
        List<TestOutcome> all = new java.util.ArrayList<>(outcomes);
        all.addAll(other.outcomes);
        String both = output.isBlank() ? other.output : other.output.isBlank() ? output : output + "\n" + other.output;
        return new RunResult(all, timedOut || other.timedOut, exitCode != 0 ? exitCode : other.exitCode, both,
                elapsed.plus(other.elapsed));
    }

    /** The outcomes of the tests of one test class, its nested classes included. */
    public List<TestOutcome> of(String testClass) {
        return outcomes.stream()
                .filter(outcome -> outcome.className().equals(testClass) || outcome.className().startsWith(testClass + "$"))
                .toList();
    }
}
