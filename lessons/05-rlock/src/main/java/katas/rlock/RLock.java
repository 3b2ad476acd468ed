package katas.rlock;

import java.time.Duration;

/**
 * Python's {@code threading.RLock}, built from Java's lower-level parts: a lock with an owner and a
 * count of that owner's holds.
 *
 * <ul>
 *   <li>The owner may acquire it again without waiting; each acquire adds one hold, each release
 *       takes one away, and the lock is free only when the count is back to 0.
 *   <li>Only the owner may release it: a release by any other thread throws
 *       {@link IllegalMonitorStateException} and changes nothing.
 *   <li>Any other thread waits in {@link #acquire()} until the owner's last release.
 * </ul>
 *
 * <p>Build it on {@code synchronized} with {@code wait()}/{@code notifyAll()} guarding an owner and a
 * count of your own (or on a plain lock that is not reentrant, plus the owner and count). Not by
 * wrapping {@code java.util.concurrent.locks.ReentrantLock}: that is the point of the exercise.
 */
public final class RLock {

    /** Takes the lock, waiting while another thread owns it; the owner takes it again at once. */
    public void acquire() throws InterruptedException {
        // TODO: wait (in a loop) while another thread owns the lock, then make this thread the owner and count one more hold.
        throw new UnsupportedOperationException("TODO: acquire() waits while another thread owns the lock");
    }

    /** Takes the lock if it is free or already this thread's; never waits. */
    public boolean tryAcquire() {
        // TODO: take the lock (or one more hold of it) only if nobody else owns it, and say whether it did.
        throw new UnsupportedOperationException("TODO: tryAcquire() takes the lock only if nobody else owns it");
    }

    /**
     * Waits at most {@code timeout} for the lock, then takes it.
     *
     * @return true if the lock was taken, false if another thread owned it for the whole timeout (and
     *     nothing changed)
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        // TODO: like acquire(), but give up with false once the timeout has passed.
        throw new UnsupportedOperationException("TODO: tryAcquire(timeout) waits at most the timeout");
    }

    /**
     * Gives back one hold; the last one frees the lock and lets a waiting thread in.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public void release() {
        // TODO: refuse a thread that is not the owner; count one hold less; at 0, clear the owner and wake the waiters.
        throw new UnsupportedOperationException("TODO: release() gives back one hold of the owner");
    }

    /** True if the calling thread owns the lock. */
    public boolean isHeldByCurrentThread() {
        // TODO: say whether the calling thread is the owner.
        throw new UnsupportedOperationException("TODO: isHeldByCurrentThread() says whether the caller owns the lock");
    }

    /** How many holds the calling thread has: 0 if it does not own the lock. */
    public int holdCount() {
        // TODO: the owner's count for the owner, 0 for every other thread.
        throw new UnsupportedOperationException("TODO: holdCount() counts the caller's holds");
    }

    /** True while any thread owns the lock. */
    public boolean isLocked() {
        // TODO: say whether some thread owns the lock.
        throw new UnsupportedOperationException("TODO: isLocked() says whether any thread owns the lock");
    }
}
