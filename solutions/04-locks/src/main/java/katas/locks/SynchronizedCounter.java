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
    public synchronized void increment() {
        // synchronized makes the read, the add and the write one step: a second thread waits at the
        // monitor of this counter until the first has written its sum back.
        count++;
    }

    /** The count so far. */
    public synchronized int value() {
        // Taking the same monitor to read makes every increment released before it visible here.
        return count;
    }
}
