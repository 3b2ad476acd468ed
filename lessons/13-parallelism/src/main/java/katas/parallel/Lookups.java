package katas.parallel;

import java.util.List;
import java.util.concurrent.ExecutionException;
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
        // TODO: run every lookup on a virtual thread of its own (not in a parallel stream) and collect the answers in key order.
        throw new UnsupportedOperationException("TODO: run the blocking lookups on virtual threads, not a parallel stream");
    }
}
