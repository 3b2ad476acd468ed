package katas.locks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code threading.Lock}, built from Java's own tools: a lock with no owner that is not
 * reentrant.
 */
public final class PyLock {

    // MISTAKE: a ReentrantLock has an owner and counts re-entries: the holder's second acquire() returns at
    // once, and release() from any other thread throws IllegalMonitorStateException. That is Python's RLock.
    private final ReentrantLock lock = new ReentrantLock();

    /** Waits until the lock is free, then takes it. */
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
    }

    /** Takes the lock if it is free right now; never waits. */
    public boolean tryAcquire() {
        return lock.tryLock();
    }

    /** Waits at most {@code timeout} for the lock to be free, then takes it. */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Frees the lock and wakes a thread waiting for it. */
    public void release() {
        if (!lock.isLocked()) {
            throw new IllegalStateException("release() of a lock that is not locked");
        }
        lock.unlock();
    }

    /** True while some thread holds the lock. */
    public boolean isLocked() {
        return lock.isLocked();
    }
}
