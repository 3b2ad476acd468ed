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
        // A small range is cheaper to count than to hand to another worker: the threshold stops the splitting.
        if (to - from <= threshold) {
            return counter.count(from, to);
        }
        long middle = from + (to - from) / 2;
        PrimeCountTask left = new PrimeCountTask(from, middle, threshold, counter);
        PrimeCountTask right = new PrimeCountTask(middle, to, threshold, counter);
        // fork() queues the left half, where an idle worker can steal it, while this worker counts the right
        // half; only then join() waits for the left. Joining first would count the halves one after the other.
        left.fork();
        long rightCount = right.compute();
        return rightCount + left.join();
    }
}
