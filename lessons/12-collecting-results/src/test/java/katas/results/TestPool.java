package katas.results;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import katas.testkit.Delays;

/**
 * The pool the tests hand to the learner's code: a fixed pool whose threads the test can recognise,
 * and whose count of finished tasks tells the test when a download's {@code Future} is done, so it
 * can make downloads finish in an order of its choosing.
 */
final class TestPool implements AutoCloseable {

    final MadeThreads threads = new MadeThreads("pool-thread");
    final ThreadPoolExecutor executor;

    TestPool(int size) {
        executor = new ThreadPoolExecutor(size, size, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
    }

    /** Waits until {@code count} tasks have finished (their Futures are complete); false if they never do. */
    boolean awaitFinished(long count) {
        return Probes.poll(() -> executor.getCompletedTaskCount() >= count);
    }

    /** Waits until no task is running or queued; false if that never happens. */
    boolean awaitIdle() {
        return Probes.poll(() -> executor.getActiveCount() == 0 && executor.getQueue().isEmpty());
    }

    /** Stops the pool, interrupting whatever still runs; the test's holds must be released first. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
