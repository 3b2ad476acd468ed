package katas.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:4")
@DisplayName("Task 4: PoolSizing")
class PoolSizingTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The inputs of the sizing formula (not delays: nothing here waits for them). */
    private static final Duration WAIT_PER_TASK = Duration.ofMillis(150);
    private static final Duration COMPUTE_PER_TASK = Duration.ofMillis(40);
    /** cores * (1 + 150/40) = cores * 4.75, rounded up. */
    private static final int BLOCKING_SIZE = (int) Math.ceil(CORES * 4.75);

    private final MadeThreads threads = new MadeThreads("pool-thread");
    private final Holds holds = new Holds();
    private ExecutorService pool;

    @AfterEach
    void stopThePool() throws InterruptedException {
        holds.releaseAll();
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Submits {@code expected + 2} held tasks and checks that the pool made exactly {@code expected}
     * threads and runs {@code expected} tasks at once: no fewer (cores left idle) and no more.
     */
    private void runsExactly(int expected, String which, String lookAt) {
        int tasks = expected + 2;
        for (int i = 1; i <= tasks; i++) {
            String name = "task " + i;
            pool.execute(() -> {
                try {
                    holds.hold(name);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        // A ThreadPoolExecutor makes its threads inside execute(): once every task is submitted, the count is final.
        assertThat(threads.count())
                .withFailMessage(() -> Messages.threadCount(which, threads.count(), expected, tasks) + "\nWhat to look at: "
                        + lookAt)
                .isEqualTo(expected);
        boolean allBusy = Probes.poll(() -> holds.holdingCount() >= expected);
        assertThat(allBusy)
                .withFailMessage(() -> Messages.notAllBusy(which, holds.holdingCount(), expected))
                .isTrue();
        assertThat(holds.holdingCount())
                .withFailMessage(() -> Messages.threadCount(which, holds.holdingCount(), expected, tasks))
                .isEqualTo(expected);
        holds.releaseAll();
    }

    @Nested
    @DisplayName("forCpuWork()")
    class ForCpuWork {

        @Test
        @DisplayName("runs one task per core at once, on exactly one thread per core")
        void oneThreadPerCore() {
            pool = PoolSizing.forCpuWork(threads);
            runsExactly(CORES, "forCpuWork()", Messages.LOOK_CPU);
        }
    }

    @Nested
    @DisplayName("forBlockingWork()")
    class ForBlockingWork {

        @Test
        @DisplayName("runs cores x (1 + wait/compute) tasks at once, for 150 ms waiting per 40 ms computing")
        void sizedForWaiting() {
            pool = PoolSizing.forBlockingWork(threads, WAIT_PER_TASK, COMPUTE_PER_TASK);
            runsExactly(BLOCKING_SIZE, "forBlockingWork(150 ms waiting, 40 ms computing)", Messages.LOOK_BLOCKING);
        }
    }

    @Nested
    @DisplayName("forSubtasks()")
    class ForSubtasks {

        @Test
        @DisplayName("finishes a chain of tasks that each submit the next one and wait for it")
        void chainOfWaitingTasksFinishes() throws InterruptedException {
            pool = PoolSizing.forSubtasks();
            int links = CORES + 2;
            Future<Integer> chain = pool.submit(() -> link(pool, links));
            try {
                Integer length = chain.get(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(length).withFailMessage("The chain reported %s links instead of %s.", length, links)
                        .isEqualTo(links);
            } catch (TimeoutException stuck) {
                throw Failures.failure(Messages.starved(links), Messages.LOOK_SUBTASKS);
            } catch (ExecutionException failed) {
                throw new AssertionError("The chain of tasks failed: " + failed.getCause(), failed.getCause());
            }
            assertThat(pool)
                    .withFailMessage(() -> "forSubtasks() returned a " + pool.getClass().getSimpleName()
                            + ".\nWhat to look at: " + Messages.LOOK_SUBTASKS)
                    .isInstanceOf(ForkJoinPool.class);
            assertThat(((ForkJoinPool) pool).getParallelism())
                    .withFailMessage(() -> "The ForkJoinPool has a parallelism of "
                            + ((ForkJoinPool) pool).getParallelism() + " on a machine with " + CORES + " cores.\n"
                            + "What to look at: new ForkJoinPool(Runtime.getRuntime().availableProcessors()).")
                    .isEqualTo(CORES);
        }

        /** A task that submits the rest of the chain to the same pool and waits for it. */
        private static int link(ExecutorService pool, int left) throws ExecutionException, InterruptedException {
            if (left == 1) {
                return 1;
            }
            Future<Integer> rest = pool.submit(() -> link(pool, left - 1));
            return rest.get() + 1;
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String LOOK_CPU = "Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),"
                + " threads): CPU-bound tasks never wait, so a core can run only one of them at a time; more threads"
                + " only take turns, and a cached pool makes a thread for every task that finds the others busy";
        static final String LOOK_BLOCKING = "a fixed pool of cores * (1 + wait / compute) threads, rounded up with"
                + " Math.ceil; divide the durations as doubles (150 / 40 is 3.75, not 3)";
        static final String LOOK_SUBTASKS = "new ForkJoinPool(cores): a ForkJoinPool worker that waits for a subtask"
                + " runs queued work itself instead of blocking, so tasks that wait for tasks cannot starve it";

        static String threadCount(String which, int actual, int expected, int tasks) {
            return which + " ran " + actual + " of " + tasks + " tasks at once (on this machine's " + CORES
                    + " cores), but it should run exactly " + expected + " at once and queue the rest.";
        }

        static String notAllBusy(String which, int busy, int expected) {
            return "After " + Waits.inWords(Delays.PATIENCE) + ", only " + busy + " of the " + expected + " threads of "
                    + which + " had a task, though more tasks were waiting.";
        }

        static String starved(int links) {
            return "A chain of " + links + " tasks, each submitting the next to the same pool and waiting for it, did"
                    + " not finish within " + Waits.inWords(Delays.PATIENCE) + ": every thread of the pool waits for a"
                    + " task that sits in the queue behind it, and no thread is left to run it (thread-starvation"
                    + " deadlock).";
        }
    }
}
