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
        closed = true;
    }

    /**
     * Returns the next job, waiting until one is posted; returns {@code null} once the board is closed and
     * every job has been handed out, to every worker and on every later call.
     */
    public synchronized Runnable next() throws InterruptedException {
        // The check and take() under one lock, so that close() cannot run between them.
        if (closed && jobs.isEmpty()) {
            return null;
        }
        return jobs.take();
    }
}
