package katas.threads;

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
        // TODO: create and start one named thread per job first, then join every one of them.
        throw new UnsupportedOperationException("TODO: start a named thread per job, then join them all");
    }
}
