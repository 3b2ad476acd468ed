package katas.pools;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import katas.testkit.Delays;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** What the tests ask about threads they do not own: is it waiting, and for what. */
final class Probes {

    private Probes() {
    }

    /** Polls {@code condition} until it holds (true) or the patience runs out (false). Never sleeps a fixed time. */
    static boolean poll(BooleanSupplier condition) {
        try {
            Awaitility.await()
                    .atMost(Delays.PATIENCE)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .pollInSameThread()
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException timeout) {
            return false;
        }
    }

    /** Whether {@code thread} is parked (waiting, with or without a timeout). */
    static boolean isParked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /**
     * Whether {@code thread} is parked waiting for results (a {@code Future}, {@code invokeAll},
     * {@code awaitTermination}), not just for a moment on a lock inside {@code execute()} while it
     * still submits.
     */
    static boolean isWaitingForResults(Thread thread) {
        if (!isParked(thread)) {
            return false;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        boolean submitting = Arrays.stream(stack).anyMatch(frame -> frame.getMethodName().equals("execute")
                || frame.getMethodName().equals("addWorker"));
        return !submitting && isParked(thread);
    }

    /** Whether {@code thread} is a pool thread with nothing to do: ended, or parked in the pool's {@code getTask()}. */
    static boolean isIdleInPool(Thread thread) {
        if (thread.getState() == Thread.State.TERMINATED) {
            return true;
        }
        return isParked(thread) && Arrays.stream(thread.getStackTrace()).anyMatch(
                frame -> frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                        && frame.getMethodName().equals("getTask"));
    }

    /** The names of {@code threads}, quoted, for messages. */
    static String names(List<Thread> threads) {
        return String.join(", ", threads.stream().map(thread -> "`" + thread.getName() + "`").toList());
    }
}
