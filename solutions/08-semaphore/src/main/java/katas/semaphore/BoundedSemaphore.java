package katas.semaphore;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code threading.BoundedSemaphore}, built from Java's own tools: a counter of permits that
 * never goes below zero (a thread that finds none waits) and never above its initial value (a release
 * that would go above it fails, and changes nothing).
 *
 * <p>Any thread may release: a permit is not owned by the thread that took it. Build it on
 * {@code synchronized} with {@code wait()}/{@code notifyAll()}, or on a {@code ReentrantLock} with a
 * {@code Condition}, guarding a count of your own. (Not on {@code java.util.concurrent.Semaphore}: that is
 * the point of the exercise.)
 */
public final class BoundedSemaphore {

    // The whole state: the count of free permits, guarded by this object's monitor, and the bound it may
    // never pass. No record of who holds a permit: that is why any thread may release.
    private final int bound;
    private int permits;

    /**
     * A semaphore holding {@code value} permits, which is also the most it may ever hold.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public BoundedSemaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a semaphore cannot start with a negative count: " + value);
        }
        this.bound = value;
        this.permits = value;
    }

    /** Waits until a permit is free, then takes it. */
    public synchronized void acquire() throws InterruptedException {
        // while, not if: after a wake-up another thread may already have taken the permit that was freed.
        while (permits == 0) {
            wait();
        }
        permits--;
    }

    /** Takes a permit if one is free right now; never waits. */
    public synchronized boolean tryAcquire() {
        if (permits == 0) {
            return false;
        }
        permits--;
        return true;
    }

    /**
     * Waits at most {@code timeout} for a free permit, then takes it. A zero or negative timeout means
     * one try without waiting (as in Python), not an error.
     *
     * @return true if a permit was taken, false if none was free for the whole timeout (and nothing changed)
     */
    public synchronized boolean tryAcquire(Duration timeout) throws InterruptedException {
        // One deadline for the whole call, so that wake-ups that find no permit do not restart the clock.
        // A zero or negative timeout leaves no time at all: the loop below makes exactly one try.
        long allowed = Math.max(0, saturatedNanos(timeout));
        long start = System.nanoTime();
        while (permits == 0) {
            long left = allowed - (System.nanoTime() - start);
            if (left <= 0) {
                return false; // gave up: the count is untouched
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        permits--;
        return true;
    }

    /**
     * Gives one permit back and wakes a waiting thread. Any thread may call it.
     *
     * @throws IllegalStateException if that would make more permits than the initial value
     */
    public void release() {
        release(1);
    }

    /**
     * Gives {@code n} permits back at once and wakes the threads waiting for them. All or nothing: if the
     * count would go above the initial value, it throws and leaves the count as it was.
     *
     * @throws IllegalArgumentException if {@code n} is less than 1
     * @throws IllegalStateException if that would make more permits than the initial value
     */
    public synchronized void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("release(n) needs n >= 1, not " + n);
        }
        // Check the whole release before changing anything (written so that it cannot overflow): a release
        // that would pass the bound means some permit was released twice, a bug the caller must hear about.
        if (n > bound - permits) {
            throw new IllegalStateException("release(" + n + ") would make " + ((long) permits + n)
                    + " permits, more than the " + bound + " this semaphore started with");
        }
        permits += n;
        // notifyAll, not notify: n permits may be freed at once, so several waiters must wake; each one
        // re-checks the count in its while loop, and those that find none wait again.
        notifyAll();
    }

    /** How many permits are free right now. */
    public synchronized int availablePermits() {
        return permits;
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException huge) {
            return timeout.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
