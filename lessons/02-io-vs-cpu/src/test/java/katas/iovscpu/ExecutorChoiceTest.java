package katas.iovscpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import katas.testkit.Delays;
import katas.testkit.Failures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("task:4")
@DisplayName("Task 4: ExecutorChoice")
class ExecutorChoiceTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Workload FETCH_PAGES = new Workload("fetch 10,000 web pages", Duration.ofMillis(1),
            Duration.ofMillis(150));
    private static final Workload RESIZE_PHOTOS = new Workload("resize 10,000 photos", Duration.ofMillis(40),
            Duration.ZERO);

    /** The executor a test got from choose(), shut down after the test whatever happened. */
    private ExecutorService chosen;

    @AfterEach
    void shutDownTheChosenExecutor() throws InterruptedException {
        if (chosen != null) {
            chosen.shutdownNow();
            chosen.awaitTermination(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    static Stream<Arguments> workloads() {
        return Stream.of(
                workload(FETCH_PAGES, true),
                workload(RESIZE_PHOTOS, false),
                workload(new Workload("look up each customer in a remote database", Duration.ofMillis(2),
                        Duration.ofMillis(30)), true),
                workload(new Workload("hash a large file read from a fast disk", Duration.ofMillis(800),
                        Duration.ofMillis(200)), false),
                workload(new Workload("keep 10,000 chat clients connected", Duration.ofNanos(50_000),
                        Duration.ofSeconds(10)), true),
                workload(new Workload("render a fractal tile", Duration.ofMillis(25), Duration.ZERO), false));
    }

    private static Arguments workload(Workload workload, boolean ioBound) {
        return Arguments.argumentSet(workload.name() + (ioBound ? " (I/O-bound)" : " (CPU-bound)"), workload, ioBound);
    }

    @ParameterizedTest
    @MethodSource("workloads")
    @DisplayName("isIoBound() tells I/O-bound from CPU-bound work by where a task spends its time")
    void tellsIoBoundFromCpuBound(Workload workload, boolean ioBound) {
        assertThat(ExecutorChoice.isIoBound(workload))
                .withFailMessage(Messages.classified(workload, ioBound))
                .isEqualTo(ioBound);
    }

    @Nested
    @DisplayName("choose() for I/O-bound work")
    class ForIoBoundWork {

        @Test
        @DisplayName("gives an executor that keeps 1,000 waiting tasks in flight at once, each on a virtual thread")
        void keepsAThousandWaitingTasksInFlight() throws InterruptedException {
            Choice choice = ExecutorChoice.choose(FETCH_PAGES);
            chosen = choice.executor();
            WaitingTasks tasks = new WaitingTasks(1_000);
            try {
                tasks.submitFirst(chosen);
                if (tasks.notVirtual != null) {
                    throw Failures.failure(Messages.ioOnPlatformThread(tasks.notVirtual), Messages.IO_EXECUTOR);
                }
                tasks.submitTheRest(chosen);
                if (!Polls.poll(() -> tasks.waiting.get() == tasks.count)) {
                    throw Failures.failure(Messages.ioTooFewAtOnce(tasks.waiting.get(), tasks.count), Messages.IO_EXECUTOR);
                }
            } finally {
                tasks.release();
            }
            assertThat(choice.reason())
                    .withFailMessage(Messages.reason(FETCH_PAGES, choice.reason(), Reason.WAITING_TASKS_NEED_MANY_CHEAP_THREADS))
                    .isEqualTo(Reason.WAITING_TASKS_NEED_MANY_CHEAP_THREADS);
        }
    }

    @Nested
    @DisplayName("choose() for CPU-bound work")
    class ForCpuBoundWork {

        @Test
        @DisplayName("gives a pool of exactly one platform thread per core, all of them computing at once")
        void givesOnePlatformThreadPerCore() throws InterruptedException {
            Choice choice = ExecutorChoice.choose(RESIZE_PHOTOS);
            chosen = choice.executor();
            WaitingTasks tasks = new WaitingTasks(CORES);
            try {
                tasks.submitFirst(chosen);
                if (tasks.virtual != null) {
                    throw Failures.failure(Messages.cpuOnVirtualThread(tasks.virtual), Messages.CPU_EXECUTOR);
                }
                tasks.submitTheRest(chosen);
                if (!Polls.poll(() -> tasks.waiting.get() == tasks.count)) {
                    throw Failures.failure(Messages.cpuTooFewAtOnce(tasks.waiting.get()), Messages.CPU_EXECUTOR);
                }
            } finally {
                tasks.release();
            }
            int size = poolSize(chosen);
            assertThat(size).withFailMessage(Messages.cpuPoolSize(chosen, size)).isEqualTo(CORES);
            assertThat(choice.reason())
                    .withFailMessage(Messages.reason(RESIZE_PHOTOS, choice.reason(), Reason.ONE_THREAD_PER_CORE_KEEPS_EVERY_CORE_BUSY))
                    .isEqualTo(Reason.ONE_THREAD_PER_CORE_KEEPS_EVERY_CORE_BUSY);
        }

        /** The most threads the pool will ever run at once, or -1 if it is not a kind of pool whose size can be read. */
        private static int poolSize(ExecutorService executor) {
            if (executor instanceof ThreadPoolExecutor pool) {
                return pool.getMaximumPoolSize();
            }
            if (executor instanceof ForkJoinPool pool) {
                return pool.getParallelism();
            }
            return -1;
        }
    }

    /** Tasks that each wait, as a request would, until all of them are waiting at once or the test lets them go. */
    private static final class WaitingTasks {

        final int count;
        final AtomicInteger waiting = new AtomicInteger();
        private final CountDownLatch firstStarted = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        volatile Thread notVirtual;
        volatile Thread virtual;

        WaitingTasks(int count) {
            this.count = count;
        }

        /** Submits one task and waits until it runs, so the test can look at its thread before submitting more. */
        void submitFirst(ExecutorService executor) throws InterruptedException {
            executor.submit(this::task);
            if (!firstStarted.await(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw Failures.failure("The first task submitted to the chosen executor did not start within "
                        + Delays.PATIENCE.toSeconds() + " s.", "return an executor that runs the tasks it is given");
            }
        }

        void submitTheRest(ExecutorService executor) {
            for (int i = 1; i < count; i++) {
                executor.submit(this::task);
            }
        }

        private void task() {
            Thread self = Thread.currentThread();
            if (self.isVirtual()) {
                virtual = self;
            } else {
                notVirtual = self;
            }
            threads.add(self);
            waiting.incrementAndGet();
            firstStarted.countDown();
            try {
                // Waits as a request would, until the test lets go; a stuck pool never holds the test up for long.
                letGo.await(2 * Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void release() {
            letGo.countDown();
        }
    }

    /** This kata's failure messages, and what is wrong with each reason. */
    private static final class Messages {

        static final String IO_EXECUTOR = "for I/O-bound work choose Executors.newVirtualThreadPerTaskExecutor(): a new"
                + " virtual thread per task, never pooled, so no task waits for another task's wait to end";
        static final String CPU_EXECUTOR = "for CPU-bound work choose Executors.newFixedThreadPool(cores), with cores ="
                + " Runtime.getRuntime().availableProcessors(): one platform thread per core";

        private static final Map<Reason, String> WHY_NOT = Map.of(
                Reason.ONLY_ONE_THREAD_RUNS_AT_A_TIME, "that is CPython's GIL; Java has no GIL, and its threads run at"
                        + " the same time on every core",
                Reason.VIRTUAL_THREADS_RUN_CODE_FASTER, "a virtual thread runs code at the same speed as a platform"
                        + " thread; what it makes cheap is waiting",
                Reason.MORE_THREADS_ALWAYS_FINISH_SOONER, "threads beyond the number of cores only take turns when the"
                        + " work computes; they help only while tasks wait",
                Reason.WAITING_TASKS_NEED_MANY_CHEAP_THREADS, "these tasks hardly wait at all: they compute",
                Reason.ONE_THREAD_PER_CORE_KEEPS_EVERY_CORE_BUSY, "these tasks hardly use a core: they wait, and a pool"
                        + " of one thread per core would keep only that many waits in flight");

        static String classified(Workload workload, boolean ioBound) {
            return String.format("\"%s\" computes %s and waits %s per task, so it is %s, but isIoBound() said %s.",
                    workload.name(), inWords(workload.computePerTask()), inWords(workload.waitPerTask()),
                    ioBound ? "I/O-bound" : "CPU-bound", ioBound ? "false" : "true")
                    + "\nWhat to look at: work is I/O-bound when its tasks wait longer than they compute; a little waiting"
                    + " does not make a computation I/O-bound.";
        }

        static String inWords(Duration duration) {
            if (duration.toMillis() >= 1000) {
                return duration.toMillis() / 1000.0 + " s";
            }
            return duration.toNanos() / 1_000_000.0 + " ms";
        }

        static String ioOnPlatformThread(Thread thread) {
            return "For \"" + FETCH_PAGES.name() + "\" the chosen executor ran a task on `" + thread.getName()
                    + "`, a platform thread: each waiting task then holds an OS thread, and a pool of them keeps only"
                    + " as many requests in flight as it has threads.";
        }

        static String ioTooFewAtOnce(int waiting, int count) {
            return String.format("For \"%s\" only %,d of %,d waiting tasks were in flight at once after %d s.",
                    FETCH_PAGES.name(), waiting, count, Delays.PATIENCE.toSeconds());
        }

        static String cpuOnVirtualThread(Thread thread) {
            return "For \"" + RESIZE_PHOTOS.name() + "\" the chosen executor ran a task on a virtual thread (#"
                    + thread.threadId() + "): virtual threads make waiting cheap, but computing tasks hardly wait, and they run"
                    + " no faster on a virtual thread than on a platform thread.";
        }

        static String cpuTooFewAtOnce(int waiting) {
            return "For \"" + RESIZE_PHOTOS.name() + "\" only " + waiting + " task" + (waiting == 1 ? " ran" : "s ran")
                    + " at once on this " + CORES + "-core machine: the executor leaves cores idle.";
        }

        static String cpuPoolSize(ExecutorService executor, int size) {
            if (size < 0) {
                return "For \"" + RESIZE_PHOTOS.name() + "\" the chosen executor is a " + executor.getClass().getName()
                        + ", which is not a pool with a fixed number of threads.\nWhat to look at: " + CPU_EXECUTOR + ".";
            }
            return "For \"" + RESIZE_PHOTOS.name() + "\" the chosen pool runs up to " + size + " threads at once on a"
                    + " machine with " + CORES + " cores: computing threads beyond the cores only take turns, and"
                    + " fewer leave cores idle.\nWhat to look at: " + CPU_EXECUTOR + ".";
        }

        static String reason(Workload workload, Reason given, Reason right) {
            String why = given == null ? "no reason is no reason" : WHY_NOT.getOrDefault(given, "");
            return "The executor for \"" + workload.name() + "\" fits, but the reason given, " + given
                    + ", does not: " + why + ".\nWhat to look at: the reason that says where these tasks spend their"
                    + " time (" + right + ").";
        }
    }
}
