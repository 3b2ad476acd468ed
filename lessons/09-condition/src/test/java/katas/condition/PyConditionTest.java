package katas.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Schedules;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;

@Tag("task:3")
@DisplayName("Task 3: PyCondition, Python's Condition in Java")
@ExtendWith(FrayTestExtension.class)
class PyConditionTest {

    private final PyCondition cond = new PyCondition();

    @Nested
    @DisplayName("its lock")
    class ItsLock {

        @Test
        @DisplayName("is reentrant: the owner's holds count, only the owner releases, others wait for the last release")
        void is_a_reentrant_lock() throws InterruptedException {
            cond.acquire();
            cond.acquire();
            try (Workers workers = new Workers()) {
                start(workers, "intruder", () -> assertThat(thrownBy(cond::release)).withFailMessage(Messages.OTHER_RELEASE)
                        .isInstanceOf(IllegalMonitorStateException.class));
                workers.joinAll();
                Thread taker = start(workers, "taker", () -> {
                    cond.acquire();
                    cond.release();
                });
                waitsInside(taker, Messages.TAKER_DID_NOT_WAIT, Messages.OWNER_AND_COUNT);
                cond.release();
                cond.release();
                endsAfter(taker, "acquire() after the owner's last release", Messages.OWNER_AND_COUNT);
                workers.joinAll();
            }
            assertThat(thrownBy(cond::release)).withFailMessage(Messages.RELEASE_FREE)
                    .isInstanceOf(IllegalMonitorStateException.class);
        }
    }

    @Nested
    @DisplayName("await()")
    class Await {

        @Test
        @DisplayName("throws IllegalMonitorStateException when the caller does not own the lock, as do signal() and awaitUntil()")
        void needs_the_lock() {
            List<Throwable> thrown = Waits.returnsPromptly("caller", "await(), signal() and awaitUntil() without the lock",
                    () -> Arrays.asList(
                            thrownBy(cond::await),
                            thrownBy(() -> cond.await(Delays.PATIENCE)),
                            thrownBy(() -> cond.awaitUntil(() -> false, Delays.PATIENCE)),
                            thrownBy(() -> cond.signal(1)),
                            thrownBy(cond::signalAll)));
            List<String> calls = List.of("await()", "await(timeout)", "awaitUntil()", "signal(1)", "signalAll()");
            for (int i = 0; i < calls.size(); i++) {
                assertThat(thrown.get(i)).withFailMessage(Messages.needsTheLock(calls.get(i), thrown.get(i)))
                        .isInstanceOf(IllegalMonitorStateException.class);
            }
        }

        @Test
        @DisplayName("gives back every hold while it waits, and takes them all back before it returns")
        void releases_and_restores_every_hold() {
            AtomicReference<String> problem = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread waiter = start(workers, "waiter", () -> {
                    cond.acquire();
                    cond.acquire();
                    cond.acquire();
                    cond.await();
                    problem.set(releasesExactly(3));
                });
                waitsInside(waiter, Messages.AWAIT_DID_NOT_WAIT, Messages.WAIT_FOR_A_SIGNAL);
                Thread signaller = start(workers, "signaller", () -> {
                    cond.acquire();
                    cond.signal(1);
                    cond.release();
                });
                endsWithoutWaiting(signaller, Messages.KEPT_HOLDS, Messages.GIVE_BACK_EVERY_HOLD);
                endsAfter(waiter, "await() after signal(1)", Messages.WAKE_THE_OLDEST);
                workers.joinAll();
            }
            if (problem.get() != null) {
                throw Failures.failure(problem.get(), Messages.SAME_DEPTH);
            }
        }

        @Test
        @DisplayName("returns, after a signal, only with the lock held again")
        void returns_with_the_lock() throws InterruptedException {
            AtomicReference<Throwable> releaseAfterAwait = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread waiter = start(workers, "waiter", () -> {
                    cond.acquire();
                    cond.await();
                    releaseAfterAwait.set(thrownBy(cond::release));
                });
                waitsInside(waiter, Messages.AWAIT_DID_NOT_WAIT, Messages.WAIT_FOR_A_SIGNAL);
                cond.acquire();
                cond.signal(1);
                assertThat(thrownBy(cond::release)).withFailMessage(Messages.SIGNALLER_LOST_THE_LOCK).isNull();
                endsAfter(waiter, "await() after signal(1)", Messages.WAKE_THE_OLDEST);
                workers.joinAll();
            }
            assertThat(releaseAfterAwait.get()).withFailMessage(Messages.returnedWithoutTheLock(releaseAfterAwait.get()))
                    .isNull();
        }

        @Test
        @DisplayName("await(timeout) returns false after about the timeout, with every hold back")
        void timed_await_times_out() {
            AtomicLong waitedMillis = new AtomicLong();
            AtomicReference<String> problem = new AtomicReference<>();
            boolean signalled = Waits.returnsPromptly("waiter", "await(" + Waits.inWords(Delays.SHORT) + ") with nobody"
                    + " to signal", () -> {
                        cond.acquire();
                        cond.acquire();
                        assertThat(thrownBy(() -> cond.await(Duration.ofMillis(-1)))).withFailMessage(Messages.NEGATIVE)
                                .isInstanceOf(IllegalArgumentException.class);
                        assertThat(cond.await(Duration.ZERO)).withFailMessage(Messages.ZERO).isFalse();
                        long startedAt = System.nanoTime();
                        boolean result = cond.await(Delays.SHORT);
                        waitedMillis.set(Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
                        problem.set(releasesExactly(2));
                        return result;
                    });
            assertThat(signalled).withFailMessage(Messages.TIMED_OUT_TRUE).isFalse();
            assertThat(waitedMillis.get()).withFailMessage(Messages.tooSoon(waitedMillis.get()))
                    .isGreaterThanOrEqualTo(Delays.SHORT.dividedBy(2).toMillis());
            if (problem.get() != null) {
                throw Failures.failure(problem.get(), Messages.SAME_DEPTH);
            }
        }

        @Test
        @DisplayName("await(timeout) returns true when signalled in time")
        void timed_await_signalled() throws InterruptedException {
            AtomicBoolean signalled = new AtomicBoolean();
            try (Workers workers = new Workers()) {
                Thread waiter = start(workers, "waiter", () -> {
                    cond.acquire();
                    signalled.set(cond.await(Delays.PATIENCE));
                    cond.release();
                });
                waitsInside(waiter, Messages.AWAIT_DID_NOT_WAIT, Messages.WAIT_FOR_A_SIGNAL);
                cond.acquire();
                cond.signal(1);
                cond.release();
                endsAfter(waiter, "await(" + Waits.inWords(Delays.PATIENCE) + ") after signal(1)", Messages.WAKE_THE_OLDEST);
                workers.joinAll();
            }
            assertThat(signalled.get()).withFailMessage(Messages.SIGNALLED_FALSE).isTrue();
        }
    }

    @Nested
    @DisplayName("signal(n)")
    class Signal {

        @Test
        @DisplayName("wakes the threads that have waited longest first, n at a time")
        void wakes_the_oldest_first() throws InterruptedException {
            List<String> woke = new CopyOnWriteArrayList<>();
            try (Workers workers = new Workers()) {
                for (int i = 1; i <= 3; i++) {
                    String name = "waiter-" + i;
                    Thread waiter = start(workers, name, () -> {
                        cond.acquire();
                        cond.await();
                        woke.add(name);
                        cond.release();
                    });
                    waitsInside(waiter, Messages.AWAIT_DID_NOT_WAIT, Messages.WAIT_FOR_A_SIGNAL);
                }
                cond.acquire();
                cond.signal(1);
                cond.release();
                Waits.until(() -> !woke.isEmpty(), "signal(1) wakes one of the three waiters");
                String first = woke.get(0);
                cond.acquire();
                Throwable negative = thrownBy(() -> cond.signal(-1));
                cond.signal(2);
                cond.release();
                workers.joinAll();
                assertThat(first).withFailMessage(Messages.oldestFirst(first)).isEqualTo("waiter-1");
                assertThat(negative).withFailMessage(Messages.NEGATIVE_N).isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(Set.copyOf(woke.subList(1, woke.size()))).as(Messages.SIGNAL_TWO).containsExactlyInAnyOrder("waiter-2", "waiter-3");
        }

        @Test
        @DisplayName("with nobody waiting does nothing: the signal is not kept for a later waiter")
        void is_lost_when_nobody_waits() throws InterruptedException {
            cond.acquire();
            cond.signal(1);
            cond.signalAll();
            cond.release();
            try (Workers workers = new Workers()) {
                Thread waiter = start(workers, "waiter", () -> {
                    cond.acquire();
                    cond.await();
                    cond.release();
                });
                waitsInside(waiter, Messages.KEPT_A_SIGNAL, Messages.RECORDS_NOT_COUNTERS);
                cond.acquire();
                cond.signalAll();
                cond.release();
                endsAfter(waiter, "await() after signalAll()", Messages.WAKE_THE_OLDEST);
                workers.joinAll();
            }
        }
    }

    @Nested
    @DisplayName("awaitUntil(predicate, timeout)")
    class AwaitUntil {

        @Test
        @DisplayName("returns true at once, without waiting, when the predicate already holds")
        void checks_the_predicate_first() {
            boolean result = Waits.returnsPromptly("caller", "awaitUntil(() -> true, null), whose predicate already holds",
                    () -> {
                        cond.acquire();
                        try {
                            return cond.awaitUntil(() -> true, null);
                        } finally {
                            cond.release();
                        }
                    });
            assertThat(result).withFailMessage(Messages.TRUE_AT_ONCE).isTrue();
        }

        @Test
        @DisplayName("looks at the predicate once more when the timeout ends, and returns that value")
        void returns_the_final_value() {
            int[] calls = new int[1];
            List<Boolean> results = Waits.returnsPromptly("caller", "awaitUntil(..., " + Waits.inWords(Delays.SHORT)
                    + ") with nobody to signal", () -> {
                        cond.acquire();
                        try {
                            assertThat(thrownBy(() -> cond.awaitUntil(() -> false, Duration.ofMillis(-1))))
                                    .withFailMessage(Messages.NEGATIVE).isInstanceOf(IllegalArgumentException.class);
                            boolean trueOnSecondLook = cond.awaitUntil(() -> ++calls[0] >= 2, Delays.SHORT);
                            boolean neverTrue = cond.awaitUntil(() -> false, Delays.SHORT);
                            return List.of(trueOnSecondLook, neverTrue);
                        } finally {
                            cond.release();
                        }
                    });
            assertThat(results.get(0)).withFailMessage(Messages.FINAL_LOOK).isTrue();
            assertThat(results.get(1)).withFailMessage(Messages.NEVER_TRUE).isFalse();
        }

        @Test
        @DisplayName("keeps one deadline for the whole call, however often it is woken")
        void keeps_one_deadline() throws InterruptedException {
            Duration timeout = Delays.scaled(Duration.ofMillis(300));
            AtomicBoolean result = new AtomicBoolean(true);
            AtomicLong waitedMillis = new AtomicLong();
            int wakeUps = 0;
            try (Workers workers = new Workers()) {
                Thread waiter = start(workers, "waiter", () -> {
                    cond.acquire();
                    long startedAt = System.nanoTime();
                    result.set(cond.awaitUntil(() -> false, timeout));
                    waitedMillis.set(Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
                    cond.release();
                });
                // Wake the waiter each time it waits again, until it returns or the patience runs out.
                long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
                while (waiter.isAlive() && System.nanoTime() < deadline) {
                    Thread.State state = waiter.getState();
                    if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && isInside(waiter)) {
                        cond.acquire();
                        cond.signalAll();
                        cond.release();
                        wakeUps++;
                    }
                    Thread.onSpinWait();
                    Thread.yield();
                }
                if (waiter.isAlive()) {
                    throw Failures.failure(Messages.restartedTheClock(timeout, wakeUps), Messages.ONE_DEADLINE);
                }
                workers.joinAll();
            }
            assertThat(result.get()).withFailMessage(Messages.NEVER_TRUE).isFalse();
            assertThat(waitedMillis.get()).withFailMessage(Messages.tooSoon(waitedMillis.get()))
                    .isGreaterThanOrEqualTo(timeout.dividedBy(2).toMillis());
        }

        @Test
        @DisplayName("returns true once another thread makes the predicate true and signals (no timeout)")
        void wakes_when_the_predicate_holds() throws InterruptedException {
            boolean[] ready = new boolean[1];
            AtomicBoolean result = new AtomicBoolean();
            try (Workers workers = new Workers()) {
                Thread waiter = start(workers, "waiter", () -> {
                    cond.acquire();
                    result.set(cond.awaitUntil(() -> ready[0], null));
                    cond.release();
                });
                waitsInside(waiter, Messages.UNTIL_DID_NOT_WAIT, Messages.WAIT_FOR_A_SIGNAL);
                cond.acquire();
                ready[0] = true;
                cond.signalAll();
                cond.release();
                endsAfter(waiter, "awaitUntil() after the predicate became true and signalAll()", Messages.WAKE_THE_OLDEST);
                workers.joinAll();
            }
            assertThat(result.get()).withFailMessage(Messages.UNTIL_TRUE).isTrue();
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("signal(1) wakes one waiter, with its holds back, and no waiter is left asleep, in every schedule Fray tries")
    void signal_one_wakes_one() throws InterruptedException {
        // Plain checks and plain fields here: this body runs hundreds of times under Fray, which runs one thread
        // at a time (so plain fields are safe) and pays for every atomic or AssertJ call.
        PyCondition shared = new PyCondition();
        int[] waitingAndWoken = new int[2];
        int wokenBySignalOne;
        try (Workers workers = new Workers()) {
            for (int i = 1; i <= 2; i++) {
                workers.start("waiter-" + i, () -> {
                    shared.acquire();
                    shared.acquire(); // two holds: await() must give back both, and take both back
                    waitingAndWoken[0]++;
                    shared.await();
                    waitingAndWoken[1]++;
                    shared.release();
                    shared.release();
                });
            }
            try {
                shared.acquire();
                while (waitingAndWoken[0] < 2) { // let go until both wait
                    shared.release();
                    shared.acquire();
                }
                shared.signal(1);
                shared.release();
                shared.acquire();
                while (waitingAndWoken[1] < 1) { // let go until the woken one is through
                    shared.release();
                    shared.acquire();
                }
                wokenBySignalOne = waitingAndWoken[1];
                shared.signal(1);
                shared.release();
            } catch (IllegalMonitorStateException lost) {
                throw Failures.failure(Messages.SIGNALLER_LOST_THE_LOCK, Messages.WAKE_THE_OLDEST);
            }
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a waiter never woken
        }
        Failures.expect(wokenBySignalOne == 1, Messages.SIGNAL_ONE_WOKE_TWO, Messages.AT_MOST_N);
    }

    /** What each worker of a plain test threw, so that a worker which ended early is reported for its real reason. */
    private final Map<Thread, Throwable> crashed = new ConcurrentHashMap<>();

    /** Starts a worker like {@link Workers#start}, remembering what it throws. */
    private Thread start(Workers workers, String name, Workers.Task body) {
        return workers.start(name, () -> {
            try {
                body.run();
            } catch (Throwable thrown) {
                crashed.put(Thread.currentThread(), thrown);
                throw thrown;
            }
        });
    }

    /** If {@code thread} ended by throwing, fails with that (a starter's "TODO" as not written yet). */
    private void rethrowIfCrashed(Thread thread) {
        Throwable thrown = crashed.get(thread);
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown != null) {
            throw new AssertionError("`" + thread.getName() + "` threw " + thrown, thrown);
        }
    }

    /** Releases the lock {@code holds} times on the calling thread; a problem in words if that is not exactly its holds. */
    private String releasesExactly(int holds) {
        for (int i = 1; i <= holds; i++) {
            Throwable thrown = thrownBy(cond::release);
            if (thrown != null) {
                return Messages.fewerHolds(holds, i, thrown);
            }
        }
        Throwable extra = thrownBy(cond::release);
        return extra instanceof IllegalMonitorStateException ? null : Messages.moreHolds(holds, extra);
    }

    /** What {@code call} throws, or null; a starter's "TODO" exception goes on, so the kit reports it as not written yet. */
    private static Throwable thrownBy(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown instanceof UnsupportedOperationException todo && String.valueOf(todo.getMessage()).startsWith("TODO")) {
            throw todo;
        }
        return thrown;
    }

    /** Waits until {@code thread} waits inside PyCondition, failing at once with {@code ifReturned} if it ends instead. */
    private void waitsInside(Thread thread, String ifReturned, String whatToLookAt) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                rethrowIfCrashed(thread);
                throw Failures.failure(ifReturned, whatToLookAt);
            }
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && isInside(thread)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(thread, "PyCondition");
    }

    /**
     * Waits for {@code thread} to end; it should never have to wait, so waiting inside PyCondition fails at
     * once with {@code ifItWaits}.
     */
    private static void endsWithoutWaiting(Thread thread, String ifItWaits, String whatToLookAt) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (thread.isAlive() && System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && isInside(thread)) {
                thread.interrupt();
                throw Failures.failure(ifItWaits, whatToLookAt);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilEnded(thread, "its acquire(), signal() and release()");
    }

    /** Waits for {@code thread} to end, explaining a missing wake-up if it does not. */
    private static void endsAfter(Thread thread, String call, String whatToLookAt) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            thread.interrupt();
            throw Failures.failure("`" + thread.getName() + "` is still waiting in " + call + ", "
                    + Waits.inWords(Delays.PATIENCE) + " later.", whatToLookAt);
        }
    }

    private static boolean isInside(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(PyCondition.class.getName()));
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String OTHER_RELEASE = "release() by a thread that does not own the lock should throw"
                + " IllegalMonitorStateException: the lock of a Condition is an RLock, with an owner.";
        static final String TAKER_DID_NOT_WAIT = "`taker` returned from acquire() while the test thread owned the lock:"
                + " it should have waited.";
        static final String OWNER_AND_COUNT = "keep an owner and a count of its holds: the owner may acquire again"
                + " (one more hold), other threads wait in a while loop until the count is back to 0, and the last"
                + " release() wakes them (notifyAll()).";
        static final String RELEASE_FREE = "release() of a lock that nobody holds should throw"
                + " IllegalMonitorStateException";
        static final String AWAIT_DID_NOT_WAIT = "`waiter` returned from await() although nobody signalled: it should"
                + " wait for a signal.";
        static final String UNTIL_DID_NOT_WAIT = "`waiter` returned from awaitUntil() although its predicate was false"
                + " and there was no timeout: it should wait.";
        static final String WAIT_FOR_A_SIGNAL = "await() queues a record of its own and waits (in a while loop) until a"
                + " signal marks that record.";
        static final String KEPT_HOLDS = "`signaller` waits in acquire() while `waiter`, which had acquired 3 times,"
                + " waits in await(): await() kept some of the waiter's holds, so nobody can take the lock to signal it.";
        static final String GIVE_BACK_EVERY_HOLD = "await() must give back every hold at once (remember the count, set it"
                + " to 0 and clear the owner), not release() once.";
        static final String SAME_DEPTH = "await() must take the lock back with the count it had before (Python's"
                + " _release_save() and _acquire_restore()), so every release() the caller makes afterwards matches an"
                + " acquire().";
        static final String WAKE_THE_OLDEST = "signal(n) marks the records of the n oldest waiters and wakes the threads"
                + " (notifyAll()); each woken thread then takes the lock back once it is free.";
        static final String SIGNALLER_LOST_THE_LOCK = "The signalling thread's release() right after signal(1) threw:"
                + " the woken waiter took the lock while the signaller still owned it. A woken thread must wait until"
                + " the lock is free.";
        static final String NEGATIVE = "a negative timeout should throw IllegalArgumentException";
        static final String ZERO = "await(Duration.ZERO) with nobody to signal should return false at once";
        static final String TIMED_OUT_TRUE = "await(" + Waits.inWords(Delays.SHORT) + ") with nobody to signal returned"
                + " true: it should return false once the timeout has passed.";
        static final String SIGNALLED_FALSE = "await(" + Waits.inWords(Delays.PATIENCE) + ") was signalled in time, so"
                + " it should return true.";
        static final String NEGATIVE_N = "signal(-1) should throw IllegalArgumentException";
        static final String SIGNAL_TWO = "signal(2) after the first waiter left should wake the other two";
        static final String KEPT_A_SIGNAL = "`waiter` returned from await() at once, woken by a signal given before it"
                + " waited: a signal with nobody waiting must be lost, as in Python.";
        static final String RECORDS_NOT_COUNTERS = "signal(n) wakes only the threads waiting at that moment: keep a queue"
                + " of waiter records, not a counter of signals.";
        static final String TRUE_AT_ONCE = "awaitUntil(() -> true, null) should return true";
        static final String FINAL_LOOK = "awaitUntil(predicate, " + Waits.inWords(Delays.SHORT) + ") whose predicate is"
                + " false at first and true when looked at again should return true: when the timeout ends it looks at"
                + " the predicate once more and returns that value (Python's wait_for does).";
        static final String NEVER_TRUE = "awaitUntil(() -> false, timeout) should return false once the timeout has"
                + " passed";
        static final String ONE_DEADLINE = "compute one deadline before the first wait, and give each wait only what is"
                + " left of it (deadline - System.nanoTime()); stop when nothing is left.";
        static final String UNTIL_TRUE = "awaitUntil() should return true once the predicate holds";
        static final String SIGNAL_ONE_WOKE_TWO = "signal(1) with two threads waiting woke both of them.";
        static final String AT_MOST_N = "signal(n) wakes at most n threads: mark only the n oldest records (and take"
                + " them off the queue); the others stay asleep until a later signal.";

        static String needsTheLock(String call, Throwable thrown) {
            return call + " by a thread that does not own the lock should throw IllegalMonitorStateException, but it "
                    + (thrown == null ? "returned normally" : "threw " + thrown) + ".";
        }

        static String fewerHolds(int holds, int release, Throwable thrown) {
            return "A thread that held the lock " + holds + " times before await() could release it only " + (release - 1)
                    + " time(s) afterwards: release number " + release + " threw " + thrown + ".";
        }

        static String moreHolds(int holds, Throwable extra) {
            return "A thread that held the lock " + holds + " times before await() still owned it after " + holds
                    + " releases afterwards (release number " + (holds + 1) + " "
                    + (extra == null ? "returned normally" : "threw " + extra) + ").";
        }

        static String returnedWithoutTheLock(Throwable thrown) {
            return "`waiter`'s release() right after await() returned threw " + thrown + ": await() returned without"
                    + " the lock.";
        }

        static String tooSoon(long millis) {
            return "The timed wait gave up after only " + millis + " ms: it should wait for about the whole timeout.";
        }

        static String oldestFirst(String first) {
            return "signal(1) with waiter-1, waiter-2 and waiter-3 waiting (in that order) woke " + first
                    + " first: it should wake the one that has waited longest, waiter-1.";
        }

        static String restartedTheClock(Duration timeout, int wakeUps) {
            return "awaitUntil(() -> false, " + Waits.inWords(timeout) + ") has not returned after "
                    + Waits.inWords(Delays.PATIENCE) + ", in which it was woken " + wakeUps + " times: each wake-up"
                    + " started the timeout over.";
        }
    }
}
