package katas.testkit;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Timed waits that fail with a message instead of hanging. None of them sleeps for a fixed time. */
public final class Waits {

    private static final Set<Thread.State> BLOCKED_STATES =
            EnumSet.of(Thread.State.BLOCKED, Thread.State.WAITING, Thread.State.TIMED_WAITING);

    private Waits() {
    }

    /**
     * Waits until {@code thread} is blocked (on a monitor, a lock, a condition or a join), which
     * proves it reached a blocking call. Fails if it ends or keeps running instead.
     *
     * @param what what the thread should be blocked on, in the learner's words ("acquire() on a
     *     held lock")
     */
    public static void untilBlocked(Thread thread, String what) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (BLOCKED_STATES.contains(state)) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                throw Failures.failure("`" + thread.getName() + "` should have blocked in " + what
                        + ", but it returned instead.", "the call must wait until it can go on, not return at once");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        throw Failures.failure("`" + thread.getName() + "` should have blocked in " + what + ", but after "
                + Workers.seconds(Delays.PATIENCE) + " it is still " + thread.getState() + ".",
                "a thread that cannot go on must wait (wait(), await(), lock()), not spin");
    }

    /**
     * Polls {@code condition} until it holds (true) or the patience delay has passed (false), for a test that
     * words its own failure or that checks something may still not happen. Never a fixed sleep.
     */
    public static boolean poll(BooleanSupplier condition) {
        return poll(condition, Delays.PATIENCE);
    }

    /**
     * {@link #poll(BooleanSupplier)} for at most {@code patience}: for what takes longer than the learner's code
     * to show itself, such as a JVM of its own starting on a loaded machine. Scale it with {@link Delays#scaled}.
     */
    public static boolean poll(BooleanSupplier condition, Duration patience) {
        try {
            Awaitility.await()
                    .atMost(patience)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .pollInSameThread()
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException timeout) {
            return false;
        }
    }

    /** Waits until {@code condition} holds, failing with {@code whatShouldHappen} after the patience delay. */
    public static void until(BooleanSupplier condition, String whatShouldHappen) {
        try {
            Awaitility.await()
                    .atMost(Delays.PATIENCE)
                    .pollInterval(Duration.ofMillis(5))
                    .pollInSameThread()
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException timeout) {
            throw Failures.failure("Waited " + Workers.seconds(Delays.PATIENCE) + " for this, and it never happened: "
                    + whatShouldHappen, null, HangReport.capture(), null);
        }
    }

    /**
     * Runs {@code call} on a worker named {@code threadName} and returns its result, failing with a
     * hang report if it has not returned within the patience delay. For calls that must not block.
     */
    public static <T> T returnsPromptly(String threadName, String what, Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            String report = HangReport.capture();
            thread.interrupt();
            throw Failures.failure(what + " did not return within " + Workers.seconds(Delays.PATIENCE) + ": "
                    + HangReport.headline(), "what the call waits for, in the report below", report, null);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new AssertionError(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /** Joins {@code thread}, failing with a hang report if it is still running after the patience delay. */
    public static void untilEnded(Thread thread, String what) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
        if (thread.isAlive()) {
            String report = HangReport.capture();
            thread.interrupt();
            throw Failures.failure("`" + thread.getName() + "` did not finish " + what + " within "
                    + Workers.seconds(Delays.PATIENCE) + ": " + HangReport.headline(),
                    "what it waits for, in the report below", report, null);
        }
    }

    /** Returns how long {@code duration} is, in words, for messages. */
    public static String inWords(Duration duration) {
        return Workers.seconds(duration);
    }
}
