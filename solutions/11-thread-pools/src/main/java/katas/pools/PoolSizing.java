package katas.pools;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;

/** Three kinds of work, three pools: sized for the CPU, sized for waiting, and one for tasks that wait on subtasks. */
final class PoolSizing {

    private PoolSizing() {
    }

    /**
     * A pool for CPU-bound tasks: exactly one thread per core ({@code Runtime.availableProcessors()}),
     * made by {@code threads}; further tasks wait in its queue.
     */
    static ExecutorService forCpuWork(ThreadFactory threads) {
        // A task that never waits keeps a core busy the whole time: more threads than cores cannot compute more,
        // they only take turns (and pay for the switching). Java has no GIL, so one thread per core uses them all.
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
    }

    /**
     * A pool for tasks that each wait {@code waitPerTask} (on I/O) for every {@code computePerTask}
     * they compute: {@code cores * (1 + waitPerTask / computePerTask)} threads, rounded up, made by
     * {@code threads}, so that the cores stay busy while most of the threads wait.
     */
    static ExecutorService forBlockingWork(ThreadFactory threads, Duration waitPerTask, Duration computePerTask) {
        // While a thread waits, its core is free for another thread: with a wait/compute ratio of r, a core can
        // serve 1 + r threads. Divide as doubles: 150 ms / 40 ms is 3.75, not 3.
        int cores = Runtime.getRuntime().availableProcessors();
        double ratio = (double) waitPerTask.toNanos() / computePerTask.toNanos();
        int size = (int) Math.ceil(cores * (1 + ratio));
        return Executors.newFixedThreadPool(size, threads);
    }

    /**
     * A pool for tasks that submit subtasks to the same pool and wait for them: a work-stealing
     * {@code ForkJoinPool} with one worker per core.
     */
    static ExecutorService forSubtasks() {
        // A ForkJoinPool worker that waits for a subtask it submitted runs that subtask itself (or steals work)
        // instead of sitting idle, so tasks waiting on tasks never starve it. A fixed pool's threads just block.
        return new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }
}
