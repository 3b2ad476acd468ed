package katas.locks;

/**
 * A counter that many threads increment at once.
 *
 * <p>As shipped it loses updates: {@code count++} reads the field, adds one and writes it back, and
 * two threads that read the same value both write back the same sum.
 */
public final class SynchronizedCounter {

    // MISTAKE: volatile makes each read and each write visible, but count++ is still a read and a
    // separate write, and another thread can write in between.
    private volatile int count;

    /** Adds one to the count. Safe to call from many threads at once. */
    public void increment() {
        count++;
    }

    /** The count so far. */
    public int value() {
        return count;
    }
}
