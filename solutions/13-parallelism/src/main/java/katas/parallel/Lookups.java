package katas.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Many blocking lookups at once, kept out of the common fork/join pool. */
final class Lookups {

    private Lookups() {
    }

    /**
     * Runs {@code lookup} for every key at the same time and returns the answers in the order of
     * {@code keys}. A lookup blocks (like a call over the network) and may take long: many of them
     * must be able to wait at once, and they must not tie up the common {@code ForkJoinPool}, which
     * parallel streams and other CPU-bound work depend on.
     *
     * @throws ExecutionException if a lookup threw; its exception is the cause
     */
    static List<String> lookUpAll(List<String> keys, Function<String, String> lookup)
            throws InterruptedException, ExecutionException {
        // A parallel stream would run the lookups on the common pool, which has only (cores - 1) threads:
        // blocked there, they would wait a few at a time and starve every other user of the pool. A virtual
        // thread per lookup costs little while it waits, and leaves the pool to the CPU-bound work.
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>(keys.size());
            for (String key : keys) {
                answers.add(executor.submit(() -> lookup.apply(key)));
            }
            List<String> results = new ArrayList<>(keys.size());
            for (Future<String> answer : answers) {
                results.add(answer.get()); // in key order, whatever order they finish in
            }
            return results;
        }
    }
}
