package katas.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run says about one kata.
 *
 * @param status the verdict
 * @param passed how many of the kata's tests passed
 * @param failed how many failed or did not run
 * @param failures the failed tests, for their messages
 * @param problem why the kata could not be judged (compile error, crash, time limit), if so
 */
public record KataVerdict(Kata kata, Status status, int passed, int failed, List<TestOutcome> failures, String problem) {

    /** The verdict on a kata. */
    public enum Status {
        /** Every test of the kata ran and passed. */
        SOLVED,
        /** Some test failed on an assertion: the kata's tests explain what is wrong. */
        NOT_SOLVED,
        /** The tests could not judge the code: it does not compile, crashed, ran out of time, or a test did not run. */
        ERROR
    }

    public KataVerdict {
        failures = List.copyOf(failures);
    }

    /** Judges {@code kata} from the outcomes of a run. */
    public static KataVerdict of(Kata kata, RunResult run) {
        List<TestOutcome> outcomes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String testClass : kata.tests()) {
            List<TestOutcome> ofClass = run.of(testClass);
            if (ofClass.isEmpty()) {
                missing.add(testClass);
            }
            outcomes.addAll(ofClass);
        }
        int passed = (int) outcomes.stream().filter(o -> o.status() == TestOutcome.Status.PASSED).count();
        List<TestOutcome> notPassed = outcomes.stream().filter(o -> o.status() != TestOutcome.Status.PASSED).toList();
        if (run.timedOut()) {
            return new KataVerdict(kata, Status.ERROR, passed, notPassed.size(), notPassed,
                    "the tests did not finish within the time limit of " + run.elapsed().toSeconds()
                            + " s and were stopped");
        }
        if (!missing.isEmpty()) {
            return new KataVerdict(kata, Status.ERROR, passed, notPassed.size() + missing.size(), notPassed,
                    "no result from " + String.join(", ", missing) + " (the test JVM ended with code " + run.exitCode()
                            + ")" + lastLines(run.output()));
        }
        if (notPassed.isEmpty()) {
            return new KataVerdict(kata, Status.SOLVED, passed, 0, List.of(), null);
        }
        boolean allAssertions = notPassed.stream()
                .allMatch(o -> o.status() == TestOutcome.Status.FAILED && o.assertion());
        if (allAssertions) {
            return new KataVerdict(kata, Status.NOT_SOLVED, passed, notPassed.size(), notPassed, null);
        }
        TestOutcome odd = notPassed.stream()
                .filter(o -> o.status() != TestOutcome.Status.FAILED || !o.assertion()).findFirst().orElseThrow();
        String problem = odd.status() == TestOutcome.Status.SKIPPED
                ? "the test '" + odd.testName() + "' did not run (" + odd.message() + ")"
                : "the test '" + odd.testName() + "' failed with " + odd.failureType() + ": " + odd.summary();
        return new KataVerdict(kata, Status.ERROR, passed, notPassed.size(), notPassed, problem);
    }

    /** A verdict for every kata when the code could not be compiled or run at all. */
    public static KataVerdict error(Kata kata, String problem) {
        return new KataVerdict(kata, Status.ERROR, 0, kata.tests().size(), List.of(), problem);
    }

    private static String lastLines(String output) {
        if (output == null || output.isBlank()) {
            return "";
        }
        String[] lines = output.strip().split("\\R");
        int from = Math.max(0, lines.length - 15);
        return System.lineSeparator() + String.join(System.lineSeparator(),
                java.util.Arrays.asList(lines).subList(from, lines.length));
    }
}
