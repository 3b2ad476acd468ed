package katas.threads;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

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
        // TODO: submit every call to an executor that starts a new virtual thread per task, then collect the results in order.
        throw new UnsupportedOperationException("TODO: run every call on its own virtual thread and collect the results");
    }
}
