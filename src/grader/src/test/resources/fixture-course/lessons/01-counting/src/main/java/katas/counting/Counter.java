package katas.counting;

/** A counter many threads increment at once. */
public class Counter {

    private int count;

    public void increment() {
        // TODO: increment without losing updates when threads call this at once.
        throw new UnsupportedOperationException("TODO: increment the count, guarded by a lock");
    }

    public int value() {
        return count;
    }
}
