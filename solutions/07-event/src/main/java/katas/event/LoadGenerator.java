package katas.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

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

    /**
     * The start signal: a one-shot gate. Every worker waits in await() until go() counts it down to zero,
     * and a worker that arrives later passes at once: a latch, unlike wait/notify, remembers that it opened.
     */
    private final CountDownLatch startGate = new CountDownLatch(1);

    /**
     * The stop signal. volatile, so that a write by stop() is seen by every worker on its next read; a plain
     * field could be read once and kept in a register, and the loop would never end.
     */
    private volatile boolean stopping;

    /** Written by prepare() before the threads start, so each worker and stop() see it complete. */
    private volatile List<Thread> started = List.of();

    private final AtomicLong total = new AtomicLong();

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
        List<Thread> made = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            made.add(threads.newThread(this::work));
        }
        started = List.copyOf(made);
        made.forEach(Thread::start);
    }

    /** Gives the start signal: every worker begins calling the operation, all at once. */
    public void go() {
        startGate.countDown();
    }

    /**
     * Gives the stop signal and waits until every worker has finished the operation it is in and ended.
     * Called before {@link #go()}, it ends the workers without any operation.
     *
     * @return how many operations the workers completed, all together
     */
    public long stop() throws InterruptedException {
        stopping = true;
        // Workers still waiting at the gate must get through to see the flag, or they would wait forever.
        startGate.countDown();
        // join() returns when a worker has ended, and everything it did (its count included) is visible after.
        for (Thread worker : started) {
            worker.join();
        }
        return total.get();
    }

    /** What each worker thread runs. */
    private void work() {
        try {
            startGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // A local count: no other thread touches it, so it needs no lock; it is added to the total once, at the end.
        long done = 0;
        while (!stopping) {
            operation.run();
            done++;
        }
        total.addAndGet(done);
    }
}
