package katas.semaphore;

import java.time.Duration;

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

    /**
     * A semaphore holding {@code value} permits, which is also the most it may ever hold.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public BoundedSemaphore(int value) {
        // TODO: refuse a negative value; remember the value as both the bound and the current count.
    }

    /** Waits until a permit is free, then takes it. */
    public void acquire() throws InterruptedException {
        // TODO: wait (in a loop) while no permit is free, then take one.
        throw new UnsupportedOperationException("TODO: acquire() waits for a free permit, then takes it");
    }

    /** Takes a permit if one is free right now; never waits. */
    public boolean tryAcquire() {
        // TODO: take a permit if one is free, and say whether one was.
        throw new UnsupportedOperationException("TODO: tryAcquire() takes a permit only if one is free");
    }

    /**
     * Waits at most {@code timeout} for a free permit, then takes it. A zero or negative timeout means
     * one try without waiting (as in Python), not an error.
     *
     * @return true if a permit was taken, false if none was free for the whole timeout (and nothing changed)
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        // TODO: like acquire(), but give up with false once the timeout has passed.
        throw new UnsupportedOperationException("TODO: tryAcquire(timeout) waits at most the timeout");
    }

    /**
     * Gives one permit back and wakes a waiting thread. Any thread may call it.
     *
     * @throws IllegalStateException if that would make more permits than the initial value
     */
    public void release() {
        // TODO: give back one permit, as release(1) does.
        throw new UnsupportedOperationException("TODO: release() gives one permit back");
    }

    /**
     * Gives {@code n} permits back at once and wakes the threads waiting for them. All or nothing: if the
     * count would go above the initial value, it throws and leaves the count as it was.
     *
     * @throws IllegalArgumentException if {@code n} is less than 1
     * @throws IllegalStateException if that would make more permits than the initial value
     */
    public void release(int n) {
        // TODO: check n, refuse to go above the bound (changing nothing), add n permits and wake the waiters.
        throw new UnsupportedOperationException("TODO: release(n) gives n permits back, all or nothing");
    }

    /** How many permits are free right now. */
    public int availablePermits() {
        // TODO: say how many permits are free.
        throw new UnsupportedOperationException("TODO: availablePermits() says how many permits are free");
    }
}
