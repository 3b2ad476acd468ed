package katas.counting;

/** A running total of its own. */
public class Tally {

    private int total;

    public void add(int amount) {
        // A field of this object: each tally keeps its own total.
        total += amount;
    }

    public int total() {
        return total;
    }
}
