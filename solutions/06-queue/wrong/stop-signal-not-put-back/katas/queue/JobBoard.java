package katas.queue;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A job board: a dispatcher posts jobs and, after the last one, closes the board; worker threads take
 * jobs with {@link #next()} until it says there will be no more.
 *
 * <p>It has a classic bug: a worker can go on waiting for a job after the board was closed. Fix it.
 */
public final class JobBoard {

    /**
     * The stop signal: a job of its own that is never handed out, recognised by identity. It travels
     * through the queue like a job, so it reaches workers that are already waiting in {@code take()}.
     */
    private static final Runnable CLOSED = () -> { };

    private final BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    /**
     * Posts a job for the workers.
     *
     * @throws IllegalStateException if the board is closed
     */
    public synchronized void post(Runnable job) {
        Objects.requireNonNull(job, "job");
        if (closed) {
            throw new IllegalStateException("the board is closed: no more jobs");
        }
        jobs.add(job);
    }

    /**
     * Closes the board: no job will be posted any more. The workers still get every job posted before,
     * and after that {@link #next()} returns {@code null} to each of them. Closing twice does nothing more.
     */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // A flag cannot reach a worker that is already asleep in take(): only something put into the queue
        // wakes it. The signal goes in behind every job posted before (FIFO), so those are handed out first;
        // post() and close() share a lock, so no job can slip in behind the signal.
        jobs.add(CLOSED);
    }

    /**
     * Returns the next job, waiting until one is posted; returns {@code null} once the board is closed and
     * every job has been handed out, to every worker and on every later call.
     */
    public Runnable next() throws InterruptedException {
        // No check before take(): take() itself waits for "a job or the stop signal", in one atomic step, so
        // nothing can happen between a check and the wait.
        Runnable job = jobs.take();
        if (job == CLOSED) {
            return null;
        }
        return job;
    }
}
