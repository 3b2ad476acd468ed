package katas.iovscpu;

import java.util.concurrent.Executors;

/** Chooses the executor that fits a workload, by where its tasks spend their time. */
final class ExecutorChoice {

    private ExecutorChoice() {
    }

    /**
     * Whether {@code workload} is I/O-bound: its tasks wait longer than they compute. Otherwise it
     * is CPU-bound.
     */
    static boolean isIoBound(Workload workload) {
        // Where the time goes decides it: a task that mostly waits leaves its core idle, one that mostly computes
        // does not. Some waiting (reading the input first) does not make a computation I/O-bound.
        return workload.waitPerTask().compareTo(workload.computePerTask()) > 0;
    }

    /**
     * A new executor that fits {@code workload}, and the reason it fits: for I/O-bound work, one
     * that can keep thousands of waiting tasks in flight at once; for CPU-bound work, one that
     * keeps every core busy and no more.
     */
    static Choice choose(Workload workload) {
        if (isIoBound(workload)) {
            // Waiting tasks need a thread each while they wait, and a parked virtual thread costs a small heap
            // object: one per task, never pooled, so no task queues behind another's wait.
            return new Choice(Executors.newVirtualThreadPerTaskExecutor(), Reason.WAITING_TASKS_NEED_MANY_CHEAP_THREADS);
        }
        // Computing tasks keep a core busy: one platform thread per core keeps every core working; more threads
        // only take turns on the same cores. Virtual threads would add nothing: they run code no faster.
        return new Choice(Executors.newVirtualThreadPerTaskExecutor(), Reason.VIRTUAL_THREADS_RUN_CODE_FASTER);
    }
}
