package katas.locks;

/**
 * A counter that many threads increment at once.
 *
 * <p>As shipped it loses updates: {@code count++} reads the field, adds one and writes it back, and
 * two threads that read the same value both write back the same sum.
 */
public final class SynchronizedCounter {

    private int count;

    /** Adds one to the count. Safe to call from many threads at once. */
    public void increment() {
        // MISTAKE: the read and the write are each locked, but the lock is let go in between, so another
        // thread can still increment after this one read and before it writes back.
        int next;
        synchronized (this) {
            next = count + 1;
        }
        synchronized (this) {
            count = next;
        }
    }

    /** The count so far. */
    public synchronized int value() {
        return count;
    }
}
