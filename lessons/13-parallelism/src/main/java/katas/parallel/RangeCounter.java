package katas.parallel;

/** Counts something in a range of numbers {@code [from, to)} on the calling thread: the work of one piece. */
@FunctionalInterface
interface RangeCounter {

    /** The count for {@code [from, to)}. */
    long count(long from, long to);
}
