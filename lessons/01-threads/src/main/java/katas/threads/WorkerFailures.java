package katas.threads;

import java.util.List;

/** Runs tasks on threads of their own and brings back what they threw, which join() alone never does. */
final class WorkerFailures {

    private WorkerFailures() {
    }

    /**
     * Runs every task at the same time, each on its own thread named {@code task-1} to
     * {@code task-N}, waits for all of them, and returns what the failed tasks threw (exceptions
     * and errors alike), in any order. Returns an empty list when every task succeeded.
     */
    static List<Throwable> runAll(List<Runnable> tasks) throws InterruptedException {
        // TODO: record each thread's uncaught throwable (an UncaughtExceptionHandler), start all, join all, return them.
        throw new UnsupportedOperationException("TODO: run each task on its own thread and collect what they throw");
    }
}
