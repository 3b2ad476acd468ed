package katas.counting;

/** A counter many threads increment at once. */
public class Counter {

    private int count;

    public synchronized void increment() {
        // synchronized: count++ is read, add, write; the lock makes it one step for other threads.
        count++;
    }

    public synchronized int value() {
        return count;
    }
}
