package katas.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:5")
@DisplayName("BlockingCalls.callAll()")
class BlockingCallsTest {

    private static final int CALLS = 10_000;

    /** What one call reports: its position and the thread it ran on. */
    private record Ran(int index, Thread thread) {
    }

    @Test
    @DisplayName("holds 10,000 blocked calls at once, each on its own virtual thread, and returns their results in order")
    void blocksTenThousandCallsAtOnceOnVirtualThreads() {
        AtomicInteger blocked = new AtomicInteger();
        CountDownLatch allBlocked = new CountDownLatch(1);
        AtomicReference<String> notVirtual = new AtomicReference<>();
        List<Callable<Ran>> calls = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            int index = i;
            calls.add(() -> {
                Thread self = Thread.currentThread();
                if (!self.isVirtual()) {
                    notVirtual.compareAndSet(null, "call " + index + " ran on `" + self.getName() + "`");
                    allBlocked.countDown(); // let every other call through: the verdict is in
                    return new Ran(index, self);
                }
                if (blocked.incrementAndGet() == CALLS) {
                    allBlocked.countDown();
                }
                // Blocks as a call waiting on I/O would, until every call is blocked at the same time.
                if (!allBlocked.await(2 * Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("call " + index + " was never released");
                }
                return new Ran(index, self);
            });
        }

        AtomicReference<List<Ran>> results = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> results.set(BlockingCalls.callAll(calls)));
            boolean settled = HeldTargets.poll(() -> allBlocked.getCount() == 0 || !caller.isAlive());
            int blockedAtOnce = blocked.get();
            allBlocked.countDown();
            if (notVirtual.get() != null) {
                // Report at once; closing the workers then waits for callAll() to finish starting its threads.
                throw Failures.failure(notVirtual.get() + ", a platform thread (isVirtual() is false).",
                        Messages.useVirtualThreads());
            }
            if (blockedAtOnce < CALLS) {
                if (settled) {
                    workers.joinAll(); // rethrows what callAll() threw, such as "not written yet"
                }
                throw Failures.failure(Messages.tooFewBlocked(blockedAtOnce, settled), Messages.useVirtualThreads());
            }
            workers.joinAll();
        }

        List<Ran> ran = results.get();
        assertThat(ran)
                .withFailMessage("callAll() returned %s results for %,d calls.%nWhat to look at: return one result per"
                        + " call, from its Future.", ran == null ? "null instead of" : ran.size(), CALLS)
                .isNotNull()
                .hasSize(CALLS);
        for (int i = 0; i < CALLS; i++) {
            int at = i;
            assertThat(ran.get(i).index())
                    .withFailMessage("Result %,d came from call %,d: results must come back in the order of the calls."
                            + "%nWhat to look at: keep the Futures in a list in submission order, and get() them in"
                            + " that order.", at, ran.get(i).index())
                    .isEqualTo(i);
        }
        Set<Thread> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        ran.forEach(r -> distinct.add(r.thread()));
        assertThat(distinct)
                .withFailMessage("%,d calls ran on only %,d virtual threads.%nWhat to look at: one new virtual thread per"
                        + " call (Executors.newVirtualThreadPerTaskExecutor()); virtual threads are cheap, never pool them.",
                        CALLS, distinct.size())
                .hasSize(CALLS);
    }

    @Test
    @DisplayName("passes on a call's exception as the cause of an ExecutionException")
    void reportsAFailedCall() {
        IllegalStateException refused = new IllegalStateException("the server refused");
        List<Callable<String>> calls = List.of(() -> "ok", () -> {
            throw refused;
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            workers.start("caller", () -> {
                try {
                    BlockingCalls.callAll(calls);
                } catch (ExecutionException failed) {
                    thrown.set(failed);
                }
            });
            workers.joinAll();
        }
        assertThat(thrown.get())
                .withFailMessage("A call threw %s, but callAll() did not throw an ExecutionException with it as the"
                        + " cause (it threw %s).%nWhat to look at: Future.get() throws ExecutionException for a failed"
                        + " call; let it propagate.", refused, thrown.get())
                .isNotNull()
                .hasCause(refused);
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static String useVirtualThreads() {
            return "start a new virtual thread for every call: Executors.newVirtualThreadPerTaskExecutor() or"
                    + " Thread.ofVirtual().start(...). A platform thread is an OS thread, costly to create and to"
                    + " keep blocked; a pool of N threads runs only N calls at once and queues the rest";
        }

        static String tooFewBlocked(int blocked, boolean settled) {
            return (settled ? "callAll() returned" : "After " + Delays.PATIENCE.toSeconds() + " s,") + " only "
                    + String.format("%,d of %,d", blocked, CALLS) + " calls were blocked at the same time; all of"
                    + " them should be, each on a virtual thread of its own.";
        }
    }
}
