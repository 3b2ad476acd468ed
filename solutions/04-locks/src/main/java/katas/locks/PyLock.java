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

    // The whole state is one flag, guarded by this object's monitor. It records THAT the lock is taken,
    // not BY WHOM: that is what makes the lock ownerless (anyone may release) and not reentrant
    // (the holder's second acquire() sees "taken" and waits like everybody else).
    private boolean locked;

    /** Waits until the lock is free, then takes it. */
    public synchronized void acquire() throws InterruptedException {
        // while, not if: a woken thread must look again, because another thread may have taken the lock
        // between the release that woke it and the moment it got the monitor back (or it woke spuriously).
        while (locked) {
            wait();
        }
        locked = true;
    }

    /** Takes the lock if it is free right now; never waits. */
    public synchronized boolean tryAcquire() {
        if (locked) {
            return false;
        }
        locked = true;
        return true;
    }

    /**
     * Waits at most {@code timeout} for the lock to be free, then takes it.
     *
     * @return true if the lock was taken, false if it stayed taken for the whole timeout (and nothing changed)
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public synchronized boolean tryAcquire(Duration timeout) throws InterruptedException {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        // One deadline for the whole call: each wake-up waits only for what is left of it.
        long deadline = System.nanoTime() + timeout.toNanos();
        while (locked) {
            long leftNanos = deadline - System.nanoTime();
            if (leftNanos <= 0) {
                return false; // gave up: the flag is untouched
            }
            // wait(0) would mean "forever", so wait at least 1 ms.
            wait(Math.max(1, Duration.ofNanos(leftNanos).toMillis()));
        }
        locked = true;
        return true;
    }

    /**
     * Frees the lock and wakes a thread waiting for it. Any thread may call it.
     *
     * @throws IllegalStateException if the lock is not taken
     */
    public synchronized void release() {
        if (!locked) {
            throw new IllegalStateException("release() of a lock that is not locked");
        }
        locked = false;
        // Without a wake-up the waiters sleep on although the lock is free. notifyAll() is the safe
        // default: each woken thread re-checks the flag in its while loop, and all but one wait again.
        notifyAll();
    }

    /** True while some thread holds the lock. */
    public synchronized boolean isLocked() {
        return locked;
    }
}
