package katas.iovscpu;

/** CPU-bound work over a range of numbers, computed a chunk at a time. The tests supply their own. */
@FunctionalInterface
interface RangeWork {

    /** Computes the work for the numbers {@code from} (inclusive) to {@code to} (exclusive) and returns their sum. */
    long compute(long from, long to);
}
