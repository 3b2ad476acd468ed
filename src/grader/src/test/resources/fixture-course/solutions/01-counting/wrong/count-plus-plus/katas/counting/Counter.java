package katas.counting;

/** A counter many threads increment at once. */
public class Counter {

    private int count;

    public void increment() {
        count++;
    }

    public int value() {
        return count;
    }
}
