package katas.event;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code threading.Event}, which Java does not have: a flag that threads can wait for.
 *
 * <ul>
 *   <li>{@link #set()} raises the flag and wakes every waiting thread; {@link #clear()} lowers it.
 *   <li>{@link #await()} returns at once while the flag is up, and otherwise waits until a {@code set()}.
 *       A {@code set()} during the wait wakes the waiter even if a {@code clear()} lowers the flag again
 *       before the waiter gets to run.
 *   <li>The event can be set and cleared any number of times.
 * </ul>
 *
 * <p>Build it on {@code synchronized} with {@code wait()}/{@code notifyAll()}, or on a
 * {@code ReentrantLock} with a {@code Condition}.
 */
public final class Event {

    // Both fields are guarded by this object's monitor.
    private boolean flag;
    /**
     * How many times set() has been called. A waiter notes it when it starts waiting; if it has changed when
     * the waiter runs again, a set() happened during the wait, even if clear() has lowered the flag since.
     * Looking at the flag alone, a waiter woken by set() but run only after clear() would wait on.
     */
    private long sets;

    /** Raises the flag and wakes every thread waiting for it. */
    public synchronized void set() {
        flag = true;
        sets++;
        // notifyAll, not notify: every waiter must go, not just one.
        notifyAll();
    }

    /** Lowers the flag; threads that call await() from now on wait for the next set(). */
    public synchronized void clear() {
        flag = false;
    }

    /** True while the flag is up. */
    public synchronized boolean isSet() {
        return flag;
    }

    /** Returns at once if the flag is up; otherwise waits until the next {@link #set()}. */
    public void await() throws InterruptedException {
        if (isSet()) {
            return; // the quick way out, without waiting
        }
        synchronized (this) {
            long seen = sets;
            while (sets == seen) { // the flag was down: wait for the next set()
                wait();
            }
        }
    }

    /**
     * Like {@link #await()}, but waits at most {@code timeout}; a zero or negative timeout does not wait at
     * all.
     *
     * @return true if the flag was up or a {@link #set()} came during the wait, false if the timeout passed
     *     first (a zero or negative timeout: the flag as it is now)
     */
    public synchronized boolean await(Duration timeout) throws InterruptedException {
        long seen = sets;
        long nanosLeft = nanos(timeout);
        long start = System.nanoTime();
        while (!flag && sets == seen) {
            long left = nanosLeft - (System.nanoTime() - start);
            if (left <= 0) {
                return false; // also at once for a zero or negative timeout: never wait(0), which waits forever
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The timeout in nanoseconds: very long ones capped, negative ones as zero (Python does the same). */
    private static long nanos(Duration timeout) {
        if (timeout.isNegative()) {
            return 0;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
