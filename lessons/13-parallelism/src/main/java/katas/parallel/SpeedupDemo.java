package katas.parallel;

import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.LongSupplier;

/**
 * Measures what more workers bring to CPU-bound work: counts primes with fork/join pools of 1, 2 and
 * 4 workers and prints each one's speed-up over 1 worker, all measured in the same run. Then shows
 * an input too small for splitting to pay, and, once task 2 is done, your own {@link PrimeCountTask}.
 *
 * <p>Run it with {@code bench/demo.sh 13-parallelism}; an optional argument sets the upper end of the
 * range (default 3,000,000).
 */
public final class SpeedupDemo {

    private static final int[] WORKERS = {1, 2, 4};
    private static final int ROUNDS = 3;
    private static final long THRESHOLD = 10_000;

    private SpeedupDemo() {
    }

    public static void main(String[] args) {
        long limit = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 3_000_000;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Counting the primes below %,d by trial division, with fork/join pools of 1, 2"
                + " and 4 workers.%nThis machine has %d cores; the JVM is %s.%n%n", limit, cores,
                Runtime.version());

        long expected = countWith(1, 2, limit, THRESHOLD); // warms up the JIT, and is the answer to check against
        long[] best = new long[WORKERS.length];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        // Rounds interleave the pool sizes, so a burst of load elsewhere hits them all alike.
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < WORKERS.length; i++) {
                int workers = WORKERS[i];
                best[i] = Math.min(best[i], timed(() -> countWith(workers, 2, limit, THRESHOLD), expected));
            }
        }
        System.out.println("workers   best of " + ROUNDS + "   speed-up over 1 worker");
        for (int i = 0; i < WORKERS.length; i++) {
            System.out.printf(Locale.ROOT, "%7d   %6d ms   %.2fx%n", WORKERS[i], best[i] / 1_000_000,
                    (double) best[0] / best[i]);
        }
        System.out.printf(Locale.ROOT, "(%,d primes; more workers than cores cannot go faster than the cores.)%n%n",
                expected);

        smallInput();
        yourTask(limit, expected);
    }

    /** A range so small that handing out pieces costs about as much as counting them. */
    private static void smallInput() {
        long limit = 2_000;
        long threshold = 50;
        int repeats = 2_000;
        long expected = countWith(1, 2, limit, threshold);
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        int[] workers = {1, 4};
        try (ForkJoinPool one = new ForkJoinPool(1); ForkJoinPool four = new ForkJoinPool(4)) {
            ForkJoinPool[] pools = {one, four};
            for (int round = 0; round < ROUNDS + 1; round++) {
                for (int i = 0; i < pools.length; i++) {
                    ForkJoinPool pool = pools[i];
                    long nanos = timed(() -> {
                        long total = 0;
                        for (int r = 0; r < repeats; r++) {
                            total += pool.invoke(new CountTask(2, limit, threshold));
                        }
                        return total / repeats;
                    }, expected);
                    if (round > 0) { // round 0 warms up
                        best[i] = Math.min(best[i], nanos / repeats);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "A small input: the primes below %,d in pieces of %d, %,d times over.%n", limit,
                threshold, repeats);
        for (int i = 0; i < workers.length; i++) {
            System.out.printf(Locale.ROOT, "%7d   %6.1f us per count   %.2fx%n", workers[i], best[i] / 1_000.0,
                    (double) best[0] / best[i]);
        }
        System.out.println("(A ratio below 1 means handing out the tiny pieces cost more than the counting it saved.)");
        System.out.println();
    }

    /** Runs the learner's PrimeCountTask, if it is written, with 4 workers. */
    private static void yourTask(long limit, long expected) {
        try {
            long nanos;
            try (ForkJoinPool pool = new ForkJoinPool(4)) {
                long start = System.nanoTime();
                long count = pool.invoke(new PrimeCountTask(2, limit, THRESHOLD, Primes::countBetween));
                nanos = System.nanoTime() - start;
                System.out.printf(Locale.ROOT, "Your PrimeCountTask with 4 workers: %,d primes in %d ms%s.%n", count,
                        nanos / 1_000_000, count == expected ? "" : " (expected " + expected + ")");
            }
        } catch (UnsupportedOperationException notYet) {
            System.out.println("Your PrimeCountTask (task 2) is not written yet: once it is, this demo times it too.");
        }
    }

    private static long timed(LongSupplier count, long expected) {
        long start = System.nanoTime();
        long result = count.getAsLong();
        long nanos = System.nanoTime() - start;
        if (result != expected) {
            throw new IllegalStateException("counted " + result + " primes, expected " + expected);
        }
        return nanos;
    }

    private static long countWith(int workers, long from, long to, long threshold) {
        try (ForkJoinPool pool = new ForkJoinPool(workers)) {
            return pool.invoke(new CountTask(from, to, threshold));
        }
    }

    /** The demonstration's own fork/join count, so it runs before the katas are solved. */
    private static final class CountTask extends RecursiveTask<Long> {
        private final long from;
        private final long to;
        private final long threshold;

        CountTask(long from, long to, long threshold) {
            this.from = from;
            this.to = to;
            this.threshold = threshold;
        }

        @Override
        protected Long compute() {
            if (to - from <= threshold) {
                return Primes.countBetween(from, to);
            }
            long middle = from + (to - from) / 2;
            CountTask left = new CountTask(from, middle, threshold);
            left.fork();
            long right = new CountTask(middle, to, threshold).compute();
            return right + left.join();
        }
    }
}
