package katas.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.HangReport;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Task 1: LoadGenerator, a start signal and a stop signal")
class LoadGeneratorTest {

    private static final int WORKERS = 3;

    /** Every thread the generator made, in order; they are daemons, so a broken kata cannot keep the JVM alive. */
    private final List<Thread> made = new CopyOnWriteArrayList<>();
    private final ThreadFactory names = Thread.ofPlatform().name("load-", 1).daemon(true).factory();
    private final ThreadFactory factory = task -> {
        Thread thread = names.newThread(task);
        made.add(thread);
        return thread;
    };

    private final AtomicBoolean goGiven = new AtomicBoolean();
    private final AtomicBoolean ranEarly = new AtomicBoolean();
    private final Map<Thread, AtomicLong> perThread = new ConcurrentHashMap<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch hold;

    private final LoadGenerator generator = new LoadGenerator(WORKERS, this::operation, factory);

    @Test
    @DisplayName("prepare() starts the workers, and every one of them waits for go(): no operation runs before")
    void workers_wait_for_the_start_signal() {
        boolean failed = true;
        try {
            generator.prepare();
            assertThat(made).withFailMessage(Messages.threadsMade(made.size())).hasSize(WORKERS);
            Waits.until(() -> ranEarly.get() || made.stream().allMatch(LoadGeneratorTest::isWaiting),
                    Messages.ALL_AT_THE_GATE);
            assertThat(ranEarly.get()).withFailMessage(Messages.RAN_BEFORE_GO).isFalse();
            failed = false;
        } finally {
            stopAfterward(failed);
        }
    }

    @Test
    @DisplayName("go() lets every worker run the operation")
    void go_releases_every_worker() {
        boolean failed = true;
        try {
            generator.prepare();
            goGiven.set(true);
            generator.go();
            Waits.until(() -> made.size() == WORKERS && made.stream().allMatch(this::hasRun), Messages.EVERY_WORKER_RUNS);
            failed = false;
        } finally {
            stopAfterward(failed);
        }
    }

    @Test
    @DisplayName("stop() waits for the operations in progress, ends every worker and returns how many operations ran")
    void stop_waits_for_every_worker() {
        AtomicLong total = new AtomicLong(-1);
        CountDownLatch release = new CountDownLatch(1);
        try (Workers workers = new Workers()) {
            generator.prepare();
            goGiven.set(true);
            generator.go();
            Waits.until(() -> made.size() == WORKERS && made.stream().allMatch(this::hasRun),
                    Messages.EVERY_WORKER_RUNS);
            hold = release;
            Waits.until(() -> held.get() >= WORKERS, Messages.ALL_HELD);
            Thread stopper = workers.start("stopper", () -> total.set(generator.stop()));
            Waits.until(() -> stopper.getState() != Thread.State.RUNNABLE && stopper.getState() != Thread.State.NEW,
                    Messages.STOPPER_STOPS);
            boolean returnedEarly = !stopper.isAlive();
            release.countDown();
            assertThat(returnedEarly).withFailMessage(Messages.RETURNED_EARLY).isFalse();
            ends(stopper, Messages.STOP_STUCK);
            workers.joinAll();
        } finally {
            release.countDown();
            made.forEach(Thread::interrupt); // no-op for ended threads; frees any left by a failure above
        }
        List<Thread> alive = made.stream().filter(Thread::isAlive).toList();
        assertThat(alive).withFailMessage(Messages.stillRunning(alive)).isEmpty();
        assertThat(total.get()).withFailMessage(Messages.wrongTotal(total.get(), completed.get()))
                .isEqualTo(completed.get());
    }

    @Test
    @DisplayName("stop() before go() ends the workers without running the operation")
    void stop_before_go_ends_the_workers() {
        AtomicLong total = new AtomicLong(-1);
        try (Workers workers = new Workers()) {
            generator.prepare();
            Thread stopper = workers.start("stopper", () -> total.set(generator.stop()));
            ends(stopper, Messages.STOP_BEFORE_GO_STUCK);
            workers.joinAll();
        }
        List<Thread> alive = made.stream().filter(Thread::isAlive).toList();
        assertThat(alive).withFailMessage(Messages.stillRunning(alive)).isEmpty();
        assertThat(ranEarly.get()).withFailMessage(Messages.RAN_BEFORE_GO).isFalse();
        assertThat(total.get()).withFailMessage(Messages.wrongTotal(total.get(), 0)).isZero();
    }

    /** The operation the workers run: counts itself, notes a run before go(), and waits while the test holds it. */
    private void operation() {
        if (!goGiven.get()) {
            ranEarly.set(true);
        }
        CountDownLatch gate = hold;
        if (gate != null) {
            held.incrementAndGet();
            boolean interrupted = false;
            while (gate.getCount() > 0) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    interrupted = true; // a stop() by interrupt: finish this operation first, as a real one would
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        perThread.computeIfAbsent(Thread.currentThread(), thread -> new AtomicLong()).incrementAndGet();
        completed.incrementAndGet();
    }

    private boolean hasRun(Thread thread) {
        AtomicLong count = perThread.get(thread);
        return count != null && count.get() > 0;
    }

    /** Whether {@code thread} has started and is waiting or blocked: not running, not new, not ended. */
    private static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }

    /** Waits for {@code thread} to end, failing with {@code ifStuck} and freeing the workers if it does not. */
    private void ends(Thread thread, String ifStuck) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            String report = HangReport.capture();
            thread.interrupt();
            made.forEach(Thread::interrupt);
            throw Failures.failure(ifStuck, Messages.JOIN_THEM, report, null);
        }
    }

    /**
     * Stops the generator after a test, so that no worker outlives it. After a failed test it only tries, so
     * that the failure the learner sees is the first one.
     */
    private void stopAfterward(boolean testFailed) {
        goGiven.set(true);
        try (Workers workers = new Workers()) {
            Thread stopper = workers.start("stopper", generator::stop);
            ends(stopper, Messages.STOP_STUCK);
            workers.joinAll();
        } catch (AssertionError | RuntimeException stopFailed) {
            made.forEach(Thread::interrupt);
            if (!testFailed) {
                throw stopFailed;
            }
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String ALL_AT_THE_GATE = "every worker that prepare() started waits for the start signal";
        static final String RAN_BEFORE_GO = Failures.message("A worker ran the operation before go() was called.",
                "every worker must first wait for the start signal: make it await() a CountDownLatch(1) that go()"
                        + " counts down, before its first operation.", null);
        static final String EVERY_WORKER_RUNS = "after go(), every worker runs the operation (go() opens the start"
                + " gate for all of them at once: a CountDownLatch(1), counted down once)";
        static final String ALL_HELD = "every worker is inside the operation (the test keeps them there for a while)";
        static final String STOPPER_STOPS = "`stopper` (the thread calling stop()) stops running: it waits, or it"
                + " returns";
        static final String RETURNED_EARLY = Failures.message("stop() returned while all " + WORKERS + " workers were"
                + " still inside an operation.", "after setting the stop flag, stop() must wait for the workers:"
                + " join() each of them, and only then read the total.", null);
        static final String STOP_STUCK = "stop() did not return within " + Waits.inWords(Delays.PATIENCE) + " after the"
                + " operations in progress had finished.";
        static final String STOP_BEFORE_GO_STUCK = "stop(), called before go(), did not return within "
                + Waits.inWords(Delays.PATIENCE) + ": the workers still wait at the start gate.";
        static final String JOIN_THEM = "stop() sets the stop flag (volatile), lets workers still waiting at the start"
                + " gate through (count the latch down), and joins every worker; each worker checks the flag before"
                + " every operation.";

        static String threadsMade(int count) {
            return Failures.message("prepare() made " + count + " threads with the factory, where it should make one"
                    + " per worker (" + WORKERS + ").", "make each worker with threads.newThread(...) and start() it in"
                    + " prepare().", null);
        }

        static String stillRunning(List<Thread> alive) {
            return Failures.message("stop() returned, but " + alive.stream().map(t -> "`" + t.getName() + "` ("
                    + t.getState() + ")").collect(Collectors.joining(", ")) + " still " + (alive.size() == 1 ? "runs"
                    : "run") + ".", "stop() must join() every worker before it returns.", null);
        }

        static String wrongTotal(long total, long counted) {
            return Failures.message("stop() returned " + total + ", but the operation ran " + counted + " times.",
                    "count each worker's operations, add them to the total when the worker ends, and read the total"
                            + " only after joining every worker.", null);
        }
    }
}
