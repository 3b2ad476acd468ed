package katas.iovscpu;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;

/** CPU-bound work split across every core: one chunk of the range per thread, one thread per core. */
final class ParallelSum {

    private ParallelSum() {
    }

    /**
     * Computes {@code work} over the numbers {@code 0} to {@code n - 1}: splits them into one
     * contiguous chunk per core ({@code Runtime.getRuntime().availableProcessors()}), computes the
     * chunks at the same time on a fixed pool with one thread per core whose threads come from
     * {@code threads}, and returns the sum of the chunks' results. Every number belongs to exactly
     * one chunk, whether or not {@code n} divides evenly, and the pool is shut down before returning.
     *
     * @throws ExecutionException if a chunk failed; its exception is the cause
     */
    static long sum(long n, RangeWork work, ThreadFactory threads) throws InterruptedException, ExecutionException {
        // TODO: split [0, n) into one chunk per core, compute the chunks at once on a fixed pool of one thread per core made by `threads`, add up the results and shut the pool down.
        return work.compute(0, n);
    }
}
