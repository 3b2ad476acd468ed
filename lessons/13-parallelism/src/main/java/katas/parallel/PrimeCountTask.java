package katas.parallel;

import java.util.concurrent.RecursiveTask;

/**
 * Counts in a range {@code [from, to)} with fork/join: a range longer than the threshold is split in
 * two halves that may run on different workers of the pool; a range no longer than the threshold is
 * one piece, counted directly by the {@link RangeCounter}.
 *
 * <pre>{@code
 * try (ForkJoinPool pool = new ForkJoinPool(4)) {
 *     long primes = pool.invoke(new PrimeCountTask(0, 1_000_000, 10_000, Primes::countBetween));
 * }
 * }</pre>
 */
final class PrimeCountTask extends RecursiveTask<Long> {

    private final long from;
    private final long to;
    private final long threshold;
    private final RangeCounter counter;

    PrimeCountTask(long from, long to, long threshold, RangeCounter counter) {
        this.from = from;
        this.to = to;
        this.threshold = threshold;
        this.counter = counter;
    }

    @Override
    protected Long compute() {
        // TODO: count a range of at most threshold numbers directly; split a longer one in two halves, fork one and compute the other.
        throw new UnsupportedOperationException("TODO: count small ranges directly, split and fork large ones");
    }
}
