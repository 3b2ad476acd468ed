package katas.pools;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Stopping a pool the careful way: first let the work finish, then insist. */
final class PoolShutdown {

    private PoolShutdown() {
    }

    /**
     * Stops {@code pool}: it accepts no new task, and its running and queued tasks get {@code patience}
     * to finish. If they have not finished by then, the running tasks are interrupted, the queued
     * ones are dropped, and the pool gets {@code patience} more to end.
     *
     * <p>If the calling thread is interrupted while it waits, the pool is stopped at once in that
     * firm way, and the method returns with the thread's interrupt status still set.
     *
     * @return the queued tasks that never started: empty when everything finished in time
     */
    static List<Runnable> stop(ExecutorService pool, Duration patience) {
        // TODO: shutdown(), awaitTermination(patience); if still running, shutdownNow() and wait again; on interrupt, shutdownNow() and re-interrupt.
        throw new UnsupportedOperationException("TODO: stop the pool politely, then firmly");
    }
}
