package katas.iovscpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        // CPU-bound: each thread keeps a core busy, so one thread per core uses the whole machine; more threads
        // would only take turns on the same cores. (Java has no GIL: these threads really run at the same time.)
        int cores = 4 * Runtime.getRuntime().availableProcessors();
        // try-with-resources: close() shuts the pool down and waits, so its threads end with the call.
        try (ExecutorService pool = Executors.newFixedThreadPool(cores, threads)) {
            List<Future<Long>> chunks = new ArrayList<>(cores);
            for (int i = 0; i < cores; i++) {
                // Boundaries by multiplication, not a rounded chunk size: chunk i ends where chunk i + 1 starts,
                // and the last one ends at n, so the remainder of an uneven split is never lost.
                long from = n * i / cores;
                long to = n * (i + 1) / cores;
                chunks.add(pool.submit(() -> work.compute(from, to)));
            }
            // Every chunk is submitted before the first get(), so they all run at once.
            long total = 0;
            for (Future<Long> chunk : chunks) {
                total += chunk.get();
            }
            return total;
        }
    }
}
