package katas.gil;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import katas.testkit.Delays;
import katas.testkit.Waits;

/** What this lesson's tests need to know about threads and the GIL, without sleeping. */
final class GilThreads {

    private GilThreads() {
    }

    /** Polls {@code condition} every millisecond until it holds (true) or {@link Delays#PATIENCE} has passed (false). */
    static boolean poll(BooleanSupplier condition) {
        return Waits.poll(condition);
    }

    /** True when {@code thread} is blocked (waiting, or entering a monitor) inside a GlobalInterpreterLock method. */
    static boolean isWaitingForAGil(Thread thread) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.BLOCKED && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(GlobalInterpreterLock.class.getName()));
    }

    /** Spins (yielding) until {@code condition} holds or the patience runs out; for code that holds the GIL. */
    static boolean spinUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }
}
