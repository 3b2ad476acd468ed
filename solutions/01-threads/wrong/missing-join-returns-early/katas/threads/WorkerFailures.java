package katas.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

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
        // Several threads may fail at the same moment: collect into a thread-safe queue, not an ArrayList.
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Thread thread = new Thread(tasks.get(i), "task-" + (i + 1));
            // A throwable that leaves run() ends only its own thread; join() does not rethrow it. The handler
            // runs on the dying thread before it ends, so join() below sees everything it recorded.
            thread.setUncaughtExceptionHandler((failed, failure) -> failures.add(failure));
            thread.start();
            threads.add(thread);
        }
        return List.copyOf(failures);
    }
}
