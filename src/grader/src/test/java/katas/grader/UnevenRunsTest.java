package katas.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import katas.core.Kata;
import katas.core.KataVerdict;
import katas.core.RunResult;
import katas.core.TestOutcome;
import katas.testkit.KataExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reason given for a kata that passed only some of its runs")
class UnevenRunsTest {

    private static final String TEST_CLASS = "katas.counting.CounterTest";
    private static final Kata KATA = new Kata("counting-counter", 1, "A counter", "katas/counting/Counter.java",
            List.of(TEST_CLASS), List.of(), List.of());

    @Test
    @DisplayName("calls a check that passed in one run and failed in another a race")
    void checkThatFailsSometimes() {
        String reason = reason(passing(), failing(new TestOutcome(TEST_CLASS, "loses no increment", TestOutcome.Status.FAILED,
                true, "java.lang.AssertionError", "2 threads x 1,000 increments should total 2,000 but read 1,998", List.of())));
        assertThat(reason).startsWith("Passed 1/2 runs: a check of the tests passed in one run and failed in another, so"
                + " your solution has a race").contains("should total 2,000 but read 1,998");
    }

    @Test
    @DisplayName("does not call a test cut off by its timeout a race: it names both causes and how to tell them apart")
    void testTimeout() throws Throwable {
        String reason = reason(passing(), passing(), failing(new TestOutcome(TEST_CLASS, "loses no increment",
                TestOutcome.Status.FAILED, true, "java.lang.AssertionError", kitReportOnTimeout(), List.of())));
        assertThat(reason).startsWith("Passed 2/3 runs: in 1 run a test did not finish in time and was stopped, with no"
                        + " deadlock found.")
                .contains("too busy", "--test-timeout").doesNotContain("has a race");
    }

    @Test
    @DisplayName("says the same of a run stopped at the test JVM's time limit")
    void jvmTimeLimit() {
        RunResult stopped = new RunResult(List.of(), true, -1, "", Duration.ofSeconds(600));
        String reason = reason(passing(), new Grader.KataRun(KataVerdict.of(KATA, stopped), List.of(), stopped),
                new Grader.KataRun(KataVerdict.of(KATA, stopped), List.of(), stopped));
        assertThat(reason).startsWith("Passed 1/3 runs: in 2 of the 3 runs a test did not finish in time")
                .doesNotContain("has a race");
    }

    @Test
    @DisplayName("calls a deadlock in some runs a real bug, even when a check failed in another run")
    void deadlock() {
        String deadlock = Grader.TEST_TIMED_OUT + ": Deadlock: `transfer-1` holds the lock of account A and waits for the"
                + " lock of account B, which `transfer-2` holds; `transfer-2` holds the lock of account B and waits for the"
                + " lock of account A, which `transfer-1` holds.";
        String reason = reason(passing(),
                failing(new TestOutcome(TEST_CLASS, "t", TestOutcome.Status.FAILED, true, "java.lang.AssertionError",
                        "read 1,998", List.of())),
                failing(new TestOutcome(TEST_CLASS, "t", TestOutcome.Status.FAILED, true, "java.lang.AssertionError", deadlock,
                        List.of())));
        assertThat(reason).startsWith("Passed 1/3 runs: in 1 run your threads deadlocked").contains("one order everywhere",
                "`transfer-1` holds the lock of account A");
    }

    @Test
    @DisplayName("names an error that happens in some runs only as an error, not a failed check")
    void crash() {
        String reason = reason(passing(), failing(new TestOutcome(TEST_CLASS, "t", TestOutcome.Status.FAILED, false,
                "java.lang.NullPointerException", "Cannot read field \"next\" because \"node\" is null", List.of())));
        assertThat(reason).startsWith("Passed 1/2 runs: in 1 run a test failed with an error instead of a check")
                .contains("\"node\" is null").doesNotContain("has a race");
    }

    /** What the test kit reports for a test that JUnit cut off at its timeout, taken from the kit itself. */
    private static String kitReportOnTimeout() throws Throwable {
        try {
            new KataExtension().handleTestExecutionException(null, new TimeoutException("loses no increment() timed out"));
        } catch (AssertionError report) {
            return report.getMessage();
        }
        throw new AssertionError("the test kit did not turn a timeout into a report");
    }

    private static String reason(Grader.KataRun... runs) {
        return Grader.unevenRuns(List.of(runs), run -> run.verdict().failures().isEmpty() ? run.verdict().problem()
                : run.verdict().failures().get(0).summary());
    }

    private static Grader.KataRun passing() {
        return runOf(new TestOutcome(TEST_CLASS, "loses no increment", TestOutcome.Status.PASSED, false, null, null, List.of()));
    }

    private static Grader.KataRun failing(TestOutcome outcome) {
        return runOf(outcome);
    }

    private static Grader.KataRun runOf(TestOutcome outcome) {
        RunResult run = new RunResult(List.of(outcome), false, 0, "", Duration.ofSeconds(3));
        return new Grader.KataRun(KataVerdict.of(KATA, run), List.of(outcome), run);
    }
}
