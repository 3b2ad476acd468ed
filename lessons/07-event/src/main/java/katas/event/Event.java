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

    // TODO: the state, guarded by one lock: the flag, and a count of set() calls that tells a waiter a set() happened while it waited.

    /** Raises the flag and wakes every thread waiting for it. */
    public void set() {
        // TODO: raise the flag, count this set(), and wake every waiter.
        throw new UnsupportedOperationException("TODO: set() raises the flag and wakes every waiter");
    }

    /** Lowers the flag; threads that call await() from now on wait for the next set(). */
    public void clear() {
        // TODO: lower the flag.
        throw new UnsupportedOperationException("TODO: clear() lowers the flag");
    }

    /** True while the flag is up. */
    public boolean isSet() {
        // TODO: say whether the flag is up.
        throw new UnsupportedOperationException("TODO: isSet() says whether the flag is up");
    }

    /** Returns at once if the flag is up; otherwise waits until the next {@link #set()}. */
    public void await() throws InterruptedException {
        // TODO: wait while the flag is down and no set() has happened since the call began.
        throw new UnsupportedOperationException("TODO: await() waits until the event is set");
    }

    /**
     * Like {@link #await()}, but waits at most {@code timeout}; a zero or negative timeout does not wait at
     * all.
     *
     * @return true if the flag was up or a {@link #set()} came during the wait, false if the timeout passed
     *     first (a zero or negative timeout: the flag as it is now)
     */
    public boolean await(Duration timeout) throws InterruptedException {
        // TODO: like await(), but give up with false once the timeout has passed.
        throw new UnsupportedOperationException("TODO: await(timeout) waits at most the timeout");
    }
}
