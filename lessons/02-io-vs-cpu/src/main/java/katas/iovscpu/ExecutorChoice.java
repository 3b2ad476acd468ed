package katas.iovscpu;

/** Chooses the executor that fits a workload, by where its tasks spend their time. */
final class ExecutorChoice {

    private ExecutorChoice() {
    }

    /**
     * Whether {@code workload} is I/O-bound: its tasks wait longer than they compute. Otherwise it
     * is CPU-bound.
     */
    static boolean isIoBound(Workload workload) {
        // TODO: compare how long a task waits with how long it computes.
        throw new UnsupportedOperationException("TODO: decide whether the workload is I/O-bound");
    }

    /**
     * A new executor that fits {@code workload}, and the reason it fits: for I/O-bound work, one
     * that can keep thousands of waiting tasks in flight at once; for CPU-bound work, one that
     * keeps every core busy and no more.
     */
    static Choice choose(Workload workload) {
        // TODO: return a virtual-thread-per-task executor for I/O-bound work and a fixed pool of one platform thread per core for CPU-bound work, each with the Reason that explains it.
        throw new UnsupportedOperationException("TODO: choose the executor that fits the workload, and say why");
    }
}
