package katas.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs many blocking calls at once, each on a virtual thread of its own. */
final class BlockingCalls {

    private BlockingCalls() {
    }

    /**
     * Runs every call at the same time, each on its own virtual thread, waits for all of them, and
     * returns their results in the order of {@code calls}. Tens of thousands of calls may be blocked
     * (waiting on I/O, a lock or a latch) at once.
     *
     * @throws ExecutionException if a call threw; its exception is the cause
     */
    static <T> List<T> callAll(List<Callable<T>> calls) throws InterruptedException, ExecutionException {
        // A virtual thread per call: a blocked virtual thread gives its carrier (OS) thread back, so 10,000
        // waiting calls cost 10,000 small heap objects, not 10,000 OS threads. A pool of N would run only N.
        // try-with-resources: close() waits for every task, so no thread outlives the call.
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>(calls.size());
            for (Callable<T> call : calls) {
                futures.add(executor.submit(call));
            }
            // The executor collects each result in its Future; reading them in submission order keeps the order.
            List<T> results = new ArrayList<>(calls.size());
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
