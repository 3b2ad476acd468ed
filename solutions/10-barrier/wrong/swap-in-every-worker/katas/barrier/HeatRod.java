package katas.barrier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * Heat spreading along a metal rod. The rod is a row of cells; at each step every inner cell moves a quarter
 * of the way toward the temperature of its two neighbours, while the two end cells stay at their fixed
 * temperatures. Several threads share the inner cells (each a band of them) and advance step by step in
 * lock-step, writing the new temperatures into a second array that then becomes the current one.
 */
public final class HeatRod {

    private final int threads;
    private double[] current;
    private double[] next;
    private volatile Throwable failure;

    /**
     * @param threads how many threads share the inner cells
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public HeatRod(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    /**
     * Runs {@code steps} steps from the temperatures {@code start} (which it does not change; at least two
     * cells) and returns the temperatures after the last step.
     */
    public double[] simulate(double[] start, int steps) throws InterruptedException {
        current = start.clone();
        next = start.clone(); // the end cells never change, so both arrays hold them from the start
        int inner = start.length - 2;
        // The swap is the barrier's action: it runs once per step, in the last thread to arrive, before any
        // thread is released. Every band of the step is written by then, and no thread reads current again until
        // the swap is done. (Swapping after await() returns, in one of the workers, races with the others: they
        // may already be computing the next step from the old array.)
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int index = w;
            int from = 1 + w * inner / threads;
            int to = 1 + (w + 1) * inner / threads;
            Thread worker = new Thread(() -> {
                try {
                    computeBand(index, from, to, steps, barrier);
                } catch (Exception | Error e) {
                    failure = e;
                }
            }, "rod-" + (w + 1));
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure != null) {
            throw new IllegalStateException("a worker failed", failure);
        }
        return current.clone();
    }

    /** Computes cells {@code from} (inclusive) to {@code to} (exclusive) for every step, one step after another. */
    private void computeBand(int index, int from, int to, int steps, CyclicBarrier barrier) throws Exception {
        for (int step = 1; step <= steps; step++) {
            for (int i = from; i < to; i++) {
                next[i] = current[i] + (current[i - 1] - 2 * current[i] + current[i + 1]) / 4;
            }
            barrier.await();
            // MISTAKE: every worker swaps after the barrier, so with two workers the arrays are swapped twice (not
            // at all), and the swaps race with the other worker's reads.
            double[] done = next;
            next = current;
            current = done;
        }
    }
}
