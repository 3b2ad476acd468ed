package katas.event;

import java.time.Duration;

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
    public synchronized void await() throws InterruptedException {
        // Noted under the same lock as the check of the flag, so no set() can slip in between.
        long seen = sets;
        // while, not if: wait() may return without a notify (a spurious wake-up), and then nothing has changed.
        while (!flag && sets == seen) {
            wait();
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
        if (!flag) {
            wait(timeout.toMillis());
        }
        return flag || sets != seen;
    }
}
