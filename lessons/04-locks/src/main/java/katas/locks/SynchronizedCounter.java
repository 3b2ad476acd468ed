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
        // TODO: make the read-add-write of count++ one step that no other thread can interleave with (synchronized).
        count++;
    }

    /** The count so far. */
    public int value() {
        // TODO: read count under the same lock as increment(), so a reader sees the latest write.
        return count;
    }
}
