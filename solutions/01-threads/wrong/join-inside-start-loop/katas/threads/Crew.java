package katas.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs one target per job, each on its own named thread, and waits for all of them. */
final class Crew {

    private Crew() {
    }

    /**
     * Starts one thread per job, named {@code worker-1} to {@code worker-N} in the order of
     * {@code jobs}, each running {@code target.accept(job)}, and returns only when every target has
     * finished. All targets must be able to run at the same time.
     */
    static void runAll(List<String> jobs, Consumer<String> target) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            String job = jobs.get(i);
            // The lambda is the target and `job` its argument; the name shows up in thread dumps and logs.
            Thread thread = new Thread(() -> target.accept(job), "worker-" + (i + 1));
            // start(), not run(): run() would call the target right here, on the caller's thread.
            thread.start();
            thread.join();
            threads.add(thread);
        }
    }
}
