package katas.barrier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * Conway's Game of Life, computed by several threads in lock-step: each thread owns a band of rows and
 * computes them for generation 1, then generation 2, and so on. Row {@code r} of the next generation needs
 * rows {@code r-1}, {@code r} and {@code r+1} of the current one, so no thread may start generation
 * {@code k+1} before every thread has finished generation {@code k}, and the boards must be swapped in
 * between, once.
 */
public final class LockstepLife {

    private final LifeRule rule;
    private final int threads;
    private boolean[][] current;
    private boolean[][] next;
    private volatile Throwable failure;
    // One barrier for every worker, so each generation ends only when all the bands are done.
    private CyclicBarrier barrier;

    /**
     * @param threads how many threads share the rows
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public LockstepLife(LifeRule rule, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.rule = rule;
        this.threads = threads;
    }

    /**
     * Runs {@code generations} steps of the game from {@code start} (which it does not change) and returns the
     * board of the last generation.
     */
    public boolean[][] run(boolean[][] start, int generations) throws InterruptedException {
        if (generations < 0) {
            throw new IllegalArgumentException("generations must not be negative: " + generations);
        }
        current = copy(start);
        next = new boolean[start.length][];
        // One party per worker thread: the barrier trips when the last band of a generation is done. Its action
        // runs once per generation, in the last thread to arrive, while every other worker still waits: the one
        // moment when nobody reads or writes the boards, so the swap is safe there. The barrier also makes the
        // action's writes (and every worker's rows) visible to each worker when its await() returns.
        barrier = new CyclicBarrier(threads, () -> {
            boolean[][] done = next;
            next = current;
            current = done;
        });
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int from = w * start.length / threads;
            int to = (w + 1) * start.length / threads;
            Thread worker = new Thread(() -> {
                try {
                    computeBand(from, to, generations);
                } catch (Exception | Error e) {
                    failure = e;
                }
            }, "life-" + (w + 1));
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure != null) {
            throw new IllegalStateException("a worker failed", failure);
        }
        return copy(current);
    }

    /** Computes rows {@code from} (inclusive) to {@code to} (exclusive) of every generation, one after another. */
    private void computeBand(int from, int to, int generations) throws Exception {
        for (int generation = 1; generation <= generations; generation++) {
            for (int row = from; row < to; row++) {
                next[row] = rule.nextRow(current, row);
            }
            // Wait AFTER computing the band: the barrier trips (and swaps) only when every band of this
            // generation is written, and nobody starts the next generation before that.
            barrier.await();
        }
    }

    private static boolean[][] copy(boolean[][] board) {
        boolean[][] copy = new boolean[board.length][];
        for (int row = 0; row < board.length; row++) {
            copy[row] = board[row].clone();
        }
        return copy;
    }
}
