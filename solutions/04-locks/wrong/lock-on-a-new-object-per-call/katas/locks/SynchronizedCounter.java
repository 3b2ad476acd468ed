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
        // MISTAKE: every call locks its own brand-new object, so no two threads ever wait for each other.
        synchronized (new Object()) {
            count++;
        }
    }

    /** The count so far. */
    public int value() {
        synchronized (new Object()) {
            return count;
        }
    }
}
