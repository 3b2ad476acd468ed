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

    // The whole state: who owns the lock (null: nobody) and how many holds the owner has. Both are
    // guarded by this object's monitor, which every method takes only for its own few steps; the monitor
    // is not the lock the callers hold between acquire() and release().
    private Thread owner;
    private int holds;

    /** Takes the lock, waiting while another thread owns it; the owner takes it again at once. */
    public synchronized void acquire() throws InterruptedException {
        Thread me = Thread.currentThread();
        // MISTAKE: if instead of while: after a wake-up it takes the lock without looking again, though
        // notifyAll() woke every waiter and another one may have taken the lock first.
        if (owner != null && owner != me) {
            wait();
        }
        owner = me;
        holds++;
    }

    /** Takes the lock if it is free or already this thread's; never waits. */
    public synchronized boolean tryAcquire() {
        Thread me = Thread.currentThread();
        if (owner != null && owner != me) {
            return false;
        }
        owner = me;
        holds++;
        return true;
    }

    /**
     * Waits at most {@code timeout} for the lock, then takes it.
     *
     * @return true if the lock was taken, false if another thread owned it for the whole timeout (and
     *     nothing changed)
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public synchronized boolean tryAcquire(Duration timeout) throws InterruptedException {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        Thread me = Thread.currentThread();
        // One deadline for the whole call: each wake-up waits only for what is left of it.
        long deadline = System.nanoTime() + timeout.toNanos();
        while (owner != null && owner != me) {
            long leftNanos = deadline - System.nanoTime();
            if (leftNanos <= 0) {
                return false; // gave up: owner and count untouched
            }
            // wait(0) would mean "forever", so wait at least 1 ms.
            wait(Math.max(1, Duration.ofNanos(leftNanos).toMillis()));
        }
        owner = me;
        holds++;
        return true;
    }

    /**
     * Gives back one hold; the last one frees the lock and lets a waiting thread in.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public synchronized void release() {
        // Only the owner may release: that is the difference from Python's Lock, which anyone may release.
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException(Thread.currentThread().getName() + " does not own this lock");
        }
        holds--;
        // Free only at 0: the inner releases of nested calls must not let other threads in halfway.
        if (holds == 0) {
            owner = null;
            // Wake the waiters: each looks again in its while loop, one takes the lock, the others wait on.
            notifyAll();
        }
    }

    /** True if the calling thread owns the lock. */
    public synchronized boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** How many holds the calling thread has: 0 if it does not own the lock. */
    public synchronized int holdCount() {
        return owner == Thread.currentThread() ? holds : 0;
    }

    /** True while any thread owns the lock. */
    public synchronized boolean isLocked() {
        return owner != null;
    }
}
