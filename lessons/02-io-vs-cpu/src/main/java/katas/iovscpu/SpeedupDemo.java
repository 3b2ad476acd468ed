package katas.iovscpu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demonstration of this lesson: how much more threads speed up I/O-bound and CPU-bound work on
 * this machine. It runs the same batch of tasks on pools of 1, 2, 4 and 8 platform threads and
 * prints each time as a speed-up against one thread, measured in the same run.
 *
 * <p>It uses its own workloads, not your katas, so it runs on a fresh clone:
 * {@code bench/demo.sh 02-io-vs-cpu}. The I/O-bound task sleeps, standing in for a request that
 * waits on the network; the CPU-bound task computes and never waits.
 */
public final class SpeedupDemo {

    private static final int TASKS = 16;
    private static final int[] THREADS = {1, 2, 4, 8};
    private static final Duration REQUEST = Duration.ofMillis(40);
    private static final int STEPS_PER_COMPUTATION = 6_000_000;
    private static final int RUNS = 3;

    /** Keeps the computations' results alive, so the JIT cannot drop them as unused. */
    private static volatile long sink;

    private SpeedupDemo() {
    }

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("Speed-up of %d tasks on a pool of N platform threads, against 1 thread, in this run%n", TASKS);
        System.out.printf("(%d cores, JDK %s; best of %d runs each)%n%n", cores, Runtime.version().feature(), RUNS);

        // Warm up: let the JIT compile the computation before anything is measured.
        measure(2, SpeedupDemo::computation);

        long[] ioTimes = new long[THREADS.length];
        long[] cpuTimes = new long[THREADS.length];
        for (int i = 0; i < THREADS.length; i++) {
            ioTimes[i] = measure(THREADS[i], SpeedupDemo::request);
            cpuTimes[i] = measure(THREADS[i], SpeedupDemo::computation);
        }

        System.out.printf("I/O-bound task: waits %d ms for a pretend request. CPU-bound task: %,d xorshift steps.%n%n",
                REQUEST.toMillis(), STEPS_PER_COMPUTATION);
        System.out.println("        |      I/O-bound      |      CPU-bound");
        System.out.println("threads |   time    speed-up  |   time    speed-up");
        System.out.println("--------+---------------------+--------------------");
        for (int i = 0; i < THREADS.length; i++) {
            System.out.printf("%7d | %6d ms   %6.2fx  | %6d ms   %6.2fx%n", THREADS[i],
                    ioTimes[i] / 1_000_000, (double) ioTimes[0] / ioTimes[i],
                    cpuTimes[i] / 1_000_000, (double) cpuTimes[0] / cpuTimes[i]);
        }
        System.out.println();
        System.out.println("I/O-bound: while one task waits the others wait too, so N threads finish about N times");
        System.out.println("sooner, whatever the number of cores. CPU-bound: the speed-up stops at the number of cores");
        System.out.printf("(%d here); more threads only take turns on them. Java has no GIL: on more cores it keeps going.%n", cores);
    }

    /** Runs {@link #TASKS} tasks on a fresh pool of {@code threads} threads and returns the best wall time in nanoseconds. */
    private static long measure(int threads, Callable<Long> task) throws Exception {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                long start = System.nanoTime();
                List<Future<Long>> results = new ArrayList<>(TASKS);
                for (int i = 0; i < TASKS; i++) {
                    results.add(pool.submit(task));
                }
                long total = 0;
                for (Future<Long> result : results) {
                    total += result.get();
                }
                best = Math.min(best, System.nanoTime() - start);
                sink += total;
            }
        }
        return best;
    }

    /** The I/O-bound task: a pretend request that waits and uses no core while it waits. */
    private static long request() throws InterruptedException {
        Thread.sleep(REQUEST);
        return 1;
    }

    /** The CPU-bound task: a fixed number of xorshift steps, which keep a core busy and never wait. */
    private static long computation() {
        long x = System.nanoTime() | 1;
        for (int i = 0; i < STEPS_PER_COMPUTATION; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
