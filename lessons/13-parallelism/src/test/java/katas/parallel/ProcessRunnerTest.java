package katas.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:5")
@DisplayName("ProcessRunner: work in a JVM of its own")
class ProcessRunnerTest {

    private static final String CLASS_PATH = locationOf(PrimeWorker.class);
    private static final String WORKER = PrimeWorker.class.getName();
    /** Time for a child that ends by itself: generous, since a correct run never waits it out. */
    private static final Duration GENEROUS = Delays.PATIENCE.multipliedBy(2);
    private static final int FLOOD_LINES = 20_000;

    @AfterEach
    void stopEveryChildLeftRunning() {
        ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    @DisplayName("runs the worker in another JVM and returns its output and exit code 0")
    void runsTheWorkerInAnotherJvm() {
        ProcessResult result = run(GENEROUS, "count", "2", "20000");

        Messages.assertEnded(result, "count the primes below 20,000");
        assertThat(result.output())
                .withFailMessage(Messages.missingOutput("primes: 2262", result))
                .contains("primes: 2262");
        assertThat(result.output())
                .withFailMessage(Messages.sameProcess(result))
                .contains("pid: ")
                .doesNotContain("pid: " + ProcessHandle.current().pid() + System.lineSeparator());
        assertThat(result.exitCode())
                .withFailMessage(Messages.wrongExitCode(0, result))
                .isZero();
    }

    @Test
    @DisplayName("survives a crash of the child: gets its exit code 1 and its stack trace, from standard error")
    void survivesACrashOfTheChild() {
        ProcessResult result = run(GENEROUS, "crash");

        Messages.assertEnded(result, "crash");
        assertThat(result.exitCode())
                .withFailMessage(Messages.wrongExitCode(1, result))
                .isEqualTo(1);
        assertThat(result.output())
                .withFailMessage(Messages.missingStackTrace(result))
                .contains("IllegalStateException: " + PrimeWorker.CRASH_MESSAGE);
    }

    @Test
    @DisplayName("survives System.exit() in the child: only the child's JVM ends")
    void survivesSystemExitInTheChild() {
        ProcessResult result = run(GENEROUS, "exit", "3");

        Messages.assertEnded(result, "call System.exit(3)");
        assertThat(result.exitCode())
                .withFailMessage(Messages.wrongExitCode(3, result))
                .isEqualTo(3);
    }

    @Test
    @DisplayName("reads a child that writes far more than a pipe holds while it runs, so the child can finish")
    void drainsAChildThatWritesALot() {
        ProcessResult result = run(Delays.PATIENCE, "flood", String.valueOf(FLOOD_LINES));

        if (result.timedOut()) {
            throw Failures.failure(Messages.floodTimedOut(result), Messages.drainWhileWaiting());
        }
        assertThat(result.output())
                .withFailMessage(Messages.missingOutput("line " + FLOOD_LINES + " and " + PrimeWorker.FLOOD_DONE, result))
                .contains("line " + FLOOD_LINES + System.lineSeparator())
                .contains(PrimeWorker.FLOOD_DONE);
        assertThat(result.exitCode())
                .withFailMessage(Messages.wrongExitCode(0, result))
                .isZero();
    }

    @Test
    @DisplayName("stops a child that is still running when its time runs out, and says it timed out")
    void stopsAChildThatRunsOutOfTime() {
        ProcessResult result = run(Delays.SHORT, "hang");

        assertThat(result.timedOut())
                .withFailMessage(Messages.notTimedOut(result))
                .isTrue();
        assertThat(result.exitCode())
                .withFailMessage(Messages.wrongExitCode(-1, result))
                .isEqualTo(-1);
        boolean stopped = KataCalls.eventually(() -> ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive));
        if (!stopped) {
            throw Failures.failure(Messages.childStillRunning(), "a child process does not end because you stop"
                    + " waiting for it: when the time is up, call destroyForcibly() on it (then waitFor() it)");
        }
    }

    /** Runs the worker with {@code args} through the learner's ProcessRunner, on a worker thread, failing if it hangs. */
    private static ProcessResult run(Duration timeout, String... args) {
        AtomicReference<ProcessResult> result = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread parent = workers.start("parent", () -> result.set(KataCalls.call("ProcessRunner.run()",
                    Messages.shapeOfRun(), () -> ProcessRunner.run(CLASS_PATH, WORKER, List.of(args), timeout))));
            Duration limit = timeout.plus(Delays.PATIENCE);
            try {
                parent.join(limit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for ProcessRunner.run()", e);
            }
            if (parent.isAlive()) {
                // Unblock the learner's code (it waits on the child) before reporting, so the worker can end.
                ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
                throw Failures.failure(Messages.didNotReturn(args, timeout, limit), Messages.drainWhileWaiting());
            }
        }
        assertThat(result.get())
                .withFailMessage("run() returned null.%nWhat to look at: return a ProcessResult.")
                .isNotNull();
        return result.get();
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static void assertEnded(ProcessResult result, String what) {
            if (result.timedOut()) {
                throw Failures.failure("The child JVM was told to " + what + ", which takes well under "
                                + Waits.inWords(GENEROUS) + ", but run() says it timed out.",
                        "wait with waitFor(timeout) and report timedOut only when waitFor returns false;"
                                + " drain the output while you wait", output(result), null);
            }
        }

        static String shapeOfRun() {
            return "start the child with ProcessBuilder, read its output on another thread while waitFor(timeout)"
                    + " waits, and destroyForcibly() it if the time runs out; a Process's streams are closed once it"
                    + " is destroyed, so read them before, not after";
        }

        static String drainWhileWaiting() {
            return "read the child's output on another thread (a virtual thread) WHILE you waitFor(timeout) it: a pipe"
                    + " holds only some kilobytes, and a child whose pipe is full stops in its next print until someone"
                    + " reads; and reading to the end before waiting never ends for a child that never exits";
        }

        static String floodTimedOut(ProcessResult result) {
            return "A child printing " + String.format("%,d", FLOOD_LINES) + " lines (about 230 KB) should finish"
                    + " in well under " + Waits.inWords(Delays.PATIENCE) + ", but run() reports it timed out, with "
                    + result.output().lines().count() + " lines read.";
        }

        static String didNotReturn(String[] args, Duration timeout, Duration limit) {
            return "run() for `" + String.join(" ", args) + "` with a timeout of " + Waits.inWords(timeout)
                    + " had not returned after " + Waits.inWords(limit) + ".";
        }

        static String notTimedOut(ProcessResult result) {
            return Failures.message("A child that never ends, run with a timeout of " + Waits.inWords(Delays.SHORT)
                            + ", should come back with timedOut = true, but came back " + result + ".",
                    "when waitFor(timeout, unit) returns false, stop the child and report timedOut", null);
        }

        static String childStillRunning() {
            return "run() reported the time out, but the child JVM was still running "
                    + Waits.inWords(Delays.PATIENCE) + " later.";
        }

        static String sameProcess(ProcessResult result) {
            return Failures.message("The worker should run in a JVM of its own, with a process id other than this"
                            + " JVM's (" + ProcessHandle.current().pid() + ").",
                    "start a new process with ProcessBuilder; calling PrimeWorker.main() runs it here, where a crash"
                            + " or System.exit() would take this JVM down", output(result));
        }

        static String wrongExitCode(int expected, ProcessResult result) {
            return Failures.message("The child's exit code should be " + expected + ", but run() returned "
                            + result.exitCode() + ".",
                    "Process.exitValue() after the child has ended; -1 only when it was stopped for timing out",
                    output(result));
        }

        static String missingOutput(String expected, ProcessResult result) {
            return Failures.message("The output should contain \"" + expected + "\", but it does not.",
                    "collect everything the child writes, until the end of its output", output(result));
        }

        static String missingStackTrace(ProcessResult result) {
            return Failures.message("The child crashed with an IllegalStateException, whose stack trace the JVM"
                            + " prints on standard error, but the output has no trace of it.",
                    "a crash report goes to standard error, not standard output: redirectErrorStream(true) on the"
                            + " ProcessBuilder merges the two into the stream you read", output(result));
        }

        private static String output(ProcessResult result) {
            String text = result.output() == null ? "(null)" : result.output();
            return "--- the child's output ---" + System.lineSeparator()
                    + (text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text);
        }
    }
}
