package katas.pools;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
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
        // TODO: return a fixed pool with one thread per core, made by `threads`.
        throw new UnsupportedOperationException("TODO: a pool sized for CPU-bound work");
    }

    /**
     * A pool for tasks that each wait {@code waitPerTask} (on I/O) for every {@code computePerTask}
     * they compute: {@code cores * (1 + waitPerTask / computePerTask)} threads, rounded up, made by
     * {@code threads}, so that the cores stay busy while most of the threads wait.
     */
    static ExecutorService forBlockingWork(ThreadFactory threads, Duration waitPerTask, Duration computePerTask) {
        // TODO: return a fixed pool of cores * (1 + wait / compute) threads, rounded up, made by `threads`.
        throw new UnsupportedOperationException("TODO: a pool sized for work that mostly waits");
    }

    /**
     * A pool for tasks that submit subtasks to the same pool and wait for them: a work-stealing
     * {@code ForkJoinPool} with one worker per core.
     */
    static ExecutorService forSubtasks() {
        // TODO: return a ForkJoinPool with one worker per core.
        throw new UnsupportedOperationException("TODO: a pool for tasks that wait for their own subtasks");
    }
}
