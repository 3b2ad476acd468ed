package katas.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Named worker threads for a test, whose failures reach the test thread.
 *
 * <pre>{@code
 * try (Workers workers = new Workers()) {
 *     workers.startTogether("depositor", 2, i -> account.deposit(10));
 *     workers.joinAll();
 * }
 * }</pre>
 *
 * <p>{@link #joinAll()} waits for every worker (at most {@link Delays#PATIENCE}), then rethrows the
 * first failure of any worker with the others attached as suppressed: an assertion failure as it
 * is, any other exception as an assertion failure that names the worker and keeps the exception
 * as its cause. A worker still running then
 * fails the test with a {@link HangReport}. {@link #close()} does the same for workers not yet
 * joined, so no thread a test started outlives it.
 */
public final class Workers implements AutoCloseable {

    /** A worker's body: may throw anything, including assertion failures. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /** The body of one worker among several started together; {@code index} counts from 0. */
    @FunctionalInterface
    public interface IndexedTask {
        void run(int index) throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** Starts one named worker now. */
    public Thread start(String name, Task task) {
        Thread thread = new Thread(() -> runRecordingFailure(name, task), name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /**
     * Starts {@code count} workers named {@code prefix-1} to {@code prefix-N} that wait at a start
     * gate and are released together once all of them are running, so they really overlap.
     */
    public List<Thread> startTogether(String prefix, int count, IndexedTask task) {
        Gate gate = startBehindGate(prefix, count, task);
        gate.open();
        return gate.threads();
    }

    /**
     * Starts {@code count} workers that wait at a closed start gate, and returns once all of them are
     * there: the test can register them (as {@link ExclusiveSection} contenders, say) before it opens
     * the gate.
     */
    public Gate startBehindGate(String prefix, int count, IndexedTask task) {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            started.add(start(prefix + "-" + (i + 1), () -> {
                ready.countDown();
                go.await();
                task.run(index);
            }));
        }
        try {
            if (!ready.await(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                go.countDown();
                throw Failures.failure("Not all " + count + " `" + prefix + "` workers started within "
                        + seconds(Delays.PATIENCE) + ".", "the machine may be overloaded; raise -Dkata.timeout.factor");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            go.countDown();
            throw new AssertionError("interrupted while starting workers", e);
        }
        return new Gate(List.copyOf(started), go);
    }

    /**
     * Starts a worker named {@code name} that takes {@code lock} and keeps it until the returned
     * holder is released, and returns once the worker holds it: the way to test what code does while
     * another thread has the lock.
     */
    public LockHolder holdLock(String name, java.util.concurrent.locks.Lock lock) {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        start(name, () -> {
            lock.lock();
            try {
                held.countDown();
                letGo.await();
            } finally {
                lock.unlock();
            }
        });
        try {
            if (!held.await(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                letGo.countDown();
                throw Failures.failure("`" + name + "` could not take the lock within " + seconds(Delays.PATIENCE)
                        + ": another thread keeps it.", "a lock the code under test never gives back");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            letGo.countDown();
            throw new AssertionError("interrupted while waiting for `" + name + "` to take the lock", e);
        }
        return new LockHolder(letGo);
    }

    /** A worker that holds a lock until released. */
    public static final class LockHolder {
        private final CountDownLatch letGo;

        private LockHolder(CountDownLatch letGo) {
            this.letGo = letGo;
        }

        /** Lets the worker give the lock back and end; calling it again does nothing. */
        public void release() {
            letGo.countDown();
        }
    }

    /** Workers waiting at a start gate. */
    public static final class Gate {
        private final List<Thread> threads;
        private final CountDownLatch go;

        private Gate(List<Thread> threads, CountDownLatch go) {
            this.threads = threads;
            this.go = go;
        }

        /** The waiting workers, in index order. */
        public List<Thread> threads() {
            return threads;
        }

        /** Releases every worker at once. */
        public void open() {
            go.countDown();
        }
    }

    /** Waits for every worker, then rethrows the first failure (the others attached as suppressed). */
    public void joinAll() {
        joinAll(Delays.PATIENCE);
    }

    /** Like {@link #joinAll()} with a timeout of the caller's choosing. */
    public void joinAll(Duration timeout) {
        if (Schedules.isExploring()) {
            joinAllWithoutTimeout();
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> stuck = new ArrayList<>();
        for (Thread thread : threads) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while joining workers", e);
            }
            if (thread.isAlive()) {
                stuck.add(thread);
            }
        }
        if (!stuck.isEmpty()) {
            String names = stuck.stream().map(t -> "`" + t.getName() + "`").reduce((a, b) -> a + ", " + b).orElse("");
            String report = HangReport.capture();
            stuck.forEach(Thread::interrupt);
            threads.removeAll(stuck);
            throw Failures.failure(
                    names + (stuck.size() == 1 ? " is" : " are") + " still running after " + seconds(timeout)
                            + ": " + HangReport.headline(),
                    "which lock or signal each stuck thread waits for, in the report below",
                    report, null);
        }
        threads.clear();
        rethrowFailures();
    }

    private void joinAllWithoutTimeout() {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while joining workers", e);
            }
        }
        threads.clear();
        rethrowFailures();
    }

    /** Joins the workers not yet joined: a test cannot leave a worker behind. */
    @Override
    public void close() {
        if (!threads.isEmpty()) {
            joinAll();
        } else {
            rethrowFailures();
        }
    }

    private void rethrowFailures() {
        Throwable first = failures.poll();
        if (first == null) {
            return;
        }
        for (Throwable other = failures.poll(); other != null; other = failures.poll()) {
            first.addSuppressed(other);
        }
        if (first instanceof AssertionError assertion) {
            throw assertion;
        }
        throw new AssertionError(first.getMessage(), first);
    }

    private void runRecordingFailure(String name, Task task) {
        try {
            task.run();
        } catch (AssertionError failure) {
            failures.add(failure);
        } catch (Throwable failure) {
            // An exception in a worker is a kata failure like any other: say which thread threw what.
            failures.add(new WorkerFailure(name, failure));
        }
    }

    /** An exception thrown by a worker, as a test failure that names the worker. */
    static final class WorkerFailure extends AssertionError {
        private static final long serialVersionUID = 1L;

        WorkerFailure(String worker, Throwable cause) {
            super("`" + worker + "` threw " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
