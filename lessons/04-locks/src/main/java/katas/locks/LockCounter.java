package katas.locks;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running total that many threads add to at once, guarded by an explicit {@link ReentrantLock}.
 *
 * <p>{@link #add(int)} rejects a negative amount with an exception thrown while the lock is held,
 * which is exactly the case a careless {@code unlock()} forgets.
 */
public final class LockCounter {

    private final Lock lock;
    private long total;

    /** A counter with a lock of its own. */
    public LockCounter() {
        this(new ReentrantLock());
    }

    /** A counter guarded by {@code lock}; the tests pass their own lock so they can watch it. */
    LockCounter(Lock lock) {
        this.lock = lock;
    }

    /**
     * Adds {@code n} to the total.
     *
     * @throws IllegalArgumentException if {@code n} is negative; the total is left unchanged
     */
    public void add(int n) {
        // TODO: take the lock before the check, and release it in a finally block so that the exception cannot leak it.
        if (n < 0) {
            throw new IllegalArgumentException("cannot add a negative amount: " + n);
        }
        total += n;
    }

    /** The total so far. */
    public long total() {
        // TODO: read the total under the same lock, released in a finally block.
        return total;
    }
}
