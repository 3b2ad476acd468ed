package katas.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:2")
@DisplayName("Task 2: Interpreter.execute()")
class InterpreterTest {

    private static final Duration INTERVAL = Duration.ofMillis(5);
    /** How far the test's clock moves per bytecode of the computing thread. */
    private static final Duration PER_BYTECODE = Duration.ofNanos(1_000);
    private static final long BYTECODES_PER_INTERVAL = INTERVAL.toNanos() / PER_BYTECODE.toNanos();

    @Test
    @DisplayName("runs every bytecode while holding the GIL, so only one thread executes bytecode at a time, and frees"
            + " the GIL at the end")
    void runsBytecodeOnlyUnderTheGil() {
        Interpreter interpreter = new Interpreter();
        GlobalInterpreterLock gil = interpreter.gil();
        AtomicInteger inside = new AtomicInteger();
        AtomicReference<String> problem = new AtomicReference<>();
        Runnable bytecode = () -> {
            Thread self = Thread.currentThread();
            Thread holder = gil.holder();
            if (holder != self) {
                problem.compareAndSet(null, Messages.ranWithoutGil(self, holder));
            }
            if (inside.incrementAndGet() > 1) {
                problem.compareAndSet(null, Messages.TWO_AT_ONCE);
            }
            inside.decrementAndGet();
        };
        List<Program> programs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            programs.add(new Program("thread-" + i, Step.compute(200, bytecode), Step.io(() -> { }),
                    Step.compute(200, bytecode)));
        }
        Throwable failed = run(interpreter, programs);
        if (problem.get() != null) {
            throw Failures.failure(problem.get(), Messages.HOLD_FOR_BYTECODE, null, failed);
        }
        rethrow(failed);
        assertThat(gil.holder()).withFailMessage(Messages.stillHeld(gil.holder())).isNull();
    }

    @Test
    @DisplayName("lets go of the GIL around blocking I/O, so 4 threads wait on I/O at the same moment")
    void releasesTheGilAroundIo() {
        Interpreter interpreter = new Interpreter();
        GlobalInterpreterLock gil = interpreter.gil();
        int threads = 4;
        AtomicInteger inIo = new AtomicInteger();
        CountDownLatch allInIo = new CountDownLatch(1);
        AtomicReference<String> heldDuringIo = new AtomicReference<>();
        Step.BlockingCall read = () -> {
            Thread self = Thread.currentThread();
            if (gil.holder() == self) {
                heldDuringIo.compareAndSet(null, self.getName());
                allInIo.countDown(); // the verdict is in: let everyone through
                return;
            }
            if (inIo.incrementAndGet() == threads) {
                allInIo.countDown();
            }
            // Blocks as a socket read would, until every thread is blocked in I/O at the same time.
            allInIo.await(2 * Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        };
        List<Program> programs = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            programs.add(new Program("reader-" + i, Step.compute(10, () -> { }), Step.io(read), Step.compute(10, () -> { })));
        }
        Throwable failed;
        try (Workers workers = new Workers()) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread main = workers.start("main", () -> thrown.set(runCatching(interpreter, programs)));
            GilThreads.poll(() -> allInIo.getCount() == 0 || !main.isAlive());
            int atOnce = inIo.get();
            allInIo.countDown();
            workers.joinAll();
            failed = thrown.get();
            if (heldDuringIo.get() != null) {
                throw Failures.failure(Messages.heldDuringIo(heldDuringIo.get()), Messages.RELEASE_AROUND_IO, null, failed);
            }
            if (atOnce < threads) {
                rethrow(failed);
                throw Failures.failure(Messages.tooFewInIo(atOnce, threads), Messages.RELEASE_AROUND_IO);
            }
        }
        rethrow(failed);
        assertThat(gil.holder()).withFailMessage(Messages.stillHeld(gil.holder())).isNull();
    }

    @Test
    @DisplayName("lets a waiting thread in within one switch interval of a thread that computes without pause")
    void computingThreadCannotStarveAWaiter() {
        AtomicLong now = new AtomicLong();
        GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL, now::get);
        Interpreter interpreter = new Interpreter(gil);
        CountDownLatch waiterInIo = new CountDownLatch(1);
        CountDownLatch cpuComputing = new CountDownLatch(1);
        AtomicBoolean waiterBackFromIo = new AtomicBoolean();
        AtomicBoolean setUpFailed = new AtomicBoolean();
        AtomicLong cpuBytecodes = new AtomicLong();
        AtomicLong cpuBytecodesWhenWaiterRan = new AtomicLong(-1);
        int total = 100_000;

        // `cpu` computes without pause; each of its bytecodes moves the clock on by one microsecond. It starts
        // counting once `waiter` is back from its I/O and asks for the GIL, which `cpu` then holds.
        Runnable cpuBytecode = () -> {
            if (cpuBytecodes.incrementAndGet() == 1) {
                cpuComputing.countDown();
                if (!GilThreads.spinUntil(() -> waiterBackFromIo.get() && gil.waiting() >= 1)) {
                    setUpFailed.set(true);
                }
                return;
            }
            now.addAndGet(PER_BYTECODE.toNanos());
        };
        Program cpu = new Program("cpu",
                Step.io(() -> waiterInIo.await(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)),
                Step.compute(total, cpuBytecode));
        Program waiter = new Program("waiter",
                Step.io(() -> {
                    waiterInIo.countDown();
                    if (!cpuComputing.await(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                        setUpFailed.set(true);
                    }
                    waiterBackFromIo.set(true);
                }),
                Step.compute(1, () -> cpuBytecodesWhenWaiterRan.set(cpuBytecodes.get())));

        Throwable failed = run(interpreter, List.of(cpu, waiter));
        if (setUpFailed.get()) {
            rethrow(failed);
            throw Failures.failure(Messages.SET_UP_FAILED, Messages.RELEASE_AROUND_IO);
        }
        rethrow(failed);
        long ranAfter = cpuBytecodesWhenWaiterRan.get() - 1;
        assertThat(ranAfter)
                .withFailMessage(Messages.starved(ranAfter))
                .isLessThanOrEqualTo(BYTECODES_PER_INTERVAL + 2);
    }

    @Test
    @DisplayName("gives the GIL back when a program throws")
    void freesTheGilWhenAProgramThrows() {
        Interpreter interpreter = new Interpreter();
        IllegalStateException boom = new IllegalStateException("a bytecode failed");
        Throwable failed = run(interpreter, List.of(new Program("failing", Step.compute(1, () -> {
            throw boom;
        }))));
        if (failed != boom && !(failed != null && failed.getCause() == boom)) {
            rethrow(failed);
        }
        assertThat(interpreter.gil().holder())
                .withFailMessage(Messages.keptAfterFailure(interpreter.gil().holder()))
                .isNull();
    }

    /** Runs {@code programs} on {@code interpreter} from a worker and returns what run() threw, or null. */
    private static Throwable run(Interpreter interpreter, List<Program> programs) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            workers.start("main", () -> thrown.set(runCatching(interpreter, programs)));
            workers.joinAll();
        }
        return thrown.get();
    }

    private static Throwable runCatching(Interpreter interpreter, List<Program> programs) {
        try {
            interpreter.run(programs);
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /**
     * Fails with what the interpreter threw: a starter's "TODO" as it is (the kit reports it as not written
     * yet), anything else as a failure of the kata that names it.
     */
    private static void rethrow(Throwable failed) {
        if (failed == null) {
            return;
        }
        if (failed instanceof AssertionError assertion) {
            throw assertion;
        }
        if (failed instanceof UnsupportedOperationException todo && String.valueOf(todo.getMessage()).startsWith("TODO")) {
            throw todo;
        }
        throw Failures.failure("A program failed with " + failed + ".", Messages.PROGRAM_FAILED, null, failed);
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String TWO_AT_ONCE = "Two threads of one interpreter executed bytecode at the same moment.";
        static final String HOLD_FOR_BYTECODE = "take the GIL before the first step, keep it for every bytecode, and take"
                + " it back after each Io step before the next bytecode; a Compute step never lets go of it, except"
                + " through yieldIfDue()";
        static final String RELEASE_AROUND_IO = "in an Io step: gil.release(), then the blocking call, then"
                + " gil.acquire() in a finally block, so the GIL is free for the whole wait";
        static final String PROGRAM_FAILED = "the GIL's own checks: release() and yieldIfDue() throw"
                + " IllegalStateException when the calling thread does not hold the GIL, acquire() when it already does";
        static final String SET_UP_FAILED = "The test could not set up a thread computing while another waits for the"
                + " GIL: `waiter` never came back from its I/O to ask for the GIL (or `cpu` never started computing).";

        static String ranWithoutGil(Thread self, Thread holder) {
            return "`" + self.getName() + "` executed a bytecode while " + (holder == null ? "nobody"
                    : "`" + holder.getName() + "`") + " held the GIL.";
        }

        static String stillHeld(Thread holder) {
            return "Every program has ended, but the GIL is still held by `" + (holder == null ? "?" : holder.getName())
                    + "`: no thread could ever take it again.\nWhat to look at: release the GIL in a finally block at the"
                    + " end of execute().";
        }

        static String heldDuringIo(String thread) {
            return "`" + thread + "` still held the GIL while it was blocked in I/O: every other thread waited for it,"
                    + " so nothing else ran while it waited.";
        }

        static String tooFewInIo(int atOnce, int threads) {
            return "Only " + atOnce + " of " + threads + " threads were blocked in I/O at the same moment after "
                    + Delays.PATIENCE.toSeconds() + " s; their waits should overlap.";
        }

        static String starved(long bytecodes) {
            return "`waiter` asked for the GIL, and then waited while `cpu` ran " + String.format("%,d", bytecodes)
                    + " bytecodes (" + String.format("%,d", bytecodes * PER_BYTECODE.toNanos() / 1000)
                    + " us of interpreter time): the switch"
                    + " interval is " + INTERVAL.toMillis() + " ms, " + String.format("%,d", BYTECODES_PER_INTERVAL)
                    + " bytecodes here.\nWhat to look at: call gil.yieldIfDue() after every bytecode of a Compute step,"
                    + " not once per step or never.";
        }

        static String keptAfterFailure(Thread holder) {
            return "A bytecode of `failing` threw, and the GIL is still held by `" + (holder == null ? "?"
                    : holder.getName()) + "`, which has ended: every other thread would wait for it forever.\nWhat to"
                    + " look at: release the GIL in a finally block, so it is given back whether the program returns or"
                    + " throws.";
        }
    }
}
