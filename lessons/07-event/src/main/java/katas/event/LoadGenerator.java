package katas.event;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * A load generator: several worker threads call one operation as fast as they can, all starting at the
 * same moment, until they are told to stop, as a benchmark does.
 *
 * <p>Two signals drive it, as two {@code threading.Event}s would in Python: a start signal that every
 * worker waits for, and a stop signal that every worker checks between operations.
 */
public final class LoadGenerator {

    private final int workers;
    private final Runnable operation;
    private final ThreadFactory threads;

    // TODO: the start signal (a CountDownLatch), the stop signal (a volatile flag), the started threads and the total count of operations.

    /**
     * @param workers how many worker threads to run (at least 1)
     * @param operation what each worker calls again and again
     * @param threads makes the worker threads (the caller names them)
     */
    public LoadGenerator(int workers, Runnable operation, ThreadFactory threads) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        this.workers = workers;
        this.operation = Objects.requireNonNull(operation, "operation");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /**
     * Makes and starts the worker threads with the thread factory. Each waits for the start signal, so no
     * operation runs before {@link #go()}.
     */
    public void prepare() {
        // TODO: make each worker with threads.newThread(...) and start it; its job is work().
        throw new UnsupportedOperationException("TODO: prepare() starts the workers, which wait for the start signal");
    }

    /** Gives the start signal: every worker begins calling the operation, all at once. */
    public void go() {
        // TODO: open the start gate for every worker at once.
        throw new UnsupportedOperationException("TODO: go() gives the start signal");
    }

    /**
     * Gives the stop signal and waits until every worker has finished the operation it is in and ended.
     * Called before {@link #go()}, it ends the workers without any operation.
     *
     * @return how many operations the workers completed, all together
     */
    public long stop() throws InterruptedException {
        // TODO: set the stop flag, let workers still at the gate through, join every worker, and return the total.
        throw new UnsupportedOperationException("TODO: stop() gives the stop signal and waits for the workers");
    }

    /** What each worker thread runs. */
    private void work() {
        // TODO: wait for the start signal; then call operation.run() until the stop signal, counting the calls; add the count to the total.
    }
}
