package katas.locks;

import java.time.Duration;

/**
 * Python's {@code threading.Lock}, built from Java's own tools: a lock with no owner that is not
 * reentrant.
 *
 * <ul>
 *   <li>No owner: any thread may release it, not only the one that acquired it.
 *   <li>Not reentrant: a thread that holds it and calls {@link #acquire()} again waits like everybody
 *       else, until some other thread releases it.
 * </ul>
 *
 * <p>Build it on {@code synchronized} with {@code wait()}/{@code notifyAll()}, or on a
 * {@code ReentrantLock} with a {@code Condition}, guarding a "locked" flag of your own. (Not on
 * {@code java.util.concurrent.Semaphore}: that is the point of the exercise.)
 */
public final class PyLock {

    /** Waits until the lock is free, then takes it. */
    public void acquire() throws InterruptedException {
        // TODO: wait (in a loop) while the lock is taken, then mark it taken.
        throw new UnsupportedOperationException("TODO: acquire() waits until the lock is free, then takes it");
    }

    /** Takes the lock if it is free right now; never waits. */
    public boolean tryAcquire() {
        // TODO: take the lock if it is free and say whether it was.
        throw new UnsupportedOperationException("TODO: tryAcquire() takes the lock only if it is free");
    }

    /**
     * Waits at most {@code timeout} for the lock to be free, then takes it.
     *
     * @return true if the lock was taken, false if it stayed taken for the whole timeout (and nothing changed)
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        // TODO: like acquire(), but give up with false once the timeout has passed.
        throw new UnsupportedOperationException("TODO: tryAcquire(timeout) waits at most the timeout");
    }

    /**
     * Frees the lock and wakes a thread waiting for it. Any thread may call it.
     *
     * @throws IllegalStateException if the lock is not taken
     */
    public void release() {
        // TODO: mark the lock free and wake the waiting threads; refuse to release a free lock.
        throw new UnsupportedOperationException("TODO: release() frees the lock and wakes a waiter");
    }

    /** True while some thread holds the lock. */
    public boolean isLocked() {
        // TODO: say whether the lock is taken.
        throw new UnsupportedOperationException("TODO: isLocked() says whether the lock is taken");
    }
}
