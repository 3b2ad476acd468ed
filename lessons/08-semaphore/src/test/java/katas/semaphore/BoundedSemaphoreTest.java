package katas.semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Schedules;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;

@Tag("task:3")
@DisplayName("Task 3: BoundedSemaphore, Python's BoundedSemaphore in Java")
@ExtendWith(FrayTestExtension.class)
class BoundedSemaphoreTest {

    @Nested
    @DisplayName("on one thread")
    class OnOneThread {

        @Test
        @DisplayName("counts permits down and up; tryAcquire() takes one only while one is free")
        void counts_permits() {
            BoundedSemaphore semaphore = new BoundedSemaphore(2);
            assertThat(semaphore.availablePermits()).as(Messages.START_FULL).isEqualTo(2);
            assertThat(semaphore.tryAcquire()).as(Messages.TRY_FREE).isTrue();
            assertThat(semaphore.tryAcquire()).as(Messages.TRY_FREE).isTrue();
            assertThat(semaphore.availablePermits()).as(Messages.TRY_FREE).isZero();
            assertThat(semaphore.tryAcquire()).withFailMessage(Messages.TRY_NONE).isFalse();
            assertThat(semaphore.availablePermits()).as(Messages.TRY_NONE).isZero();
            semaphore.release();
            assertThat(semaphore.availablePermits()).as(Messages.RELEASE_ADDS).isEqualTo(1);
            semaphore.release();
            assertThat(semaphore.availablePermits()).as(Messages.RELEASE_ADDS).isEqualTo(2);
        }

        @Test
        @DisplayName("refuses a negative initial value; zero is allowed")
        void refuses_a_negative_value() {
            assertThat(catchThrowable(() -> new BoundedSemaphore(-1))).withFailMessage(Messages.NEGATIVE_VALUE)
                    .isInstanceOf(IllegalArgumentException.class);
            BoundedSemaphore empty = new BoundedSemaphore(0);
            assertThat(empty.availablePermits()).as(Messages.ZERO_VALUE).isZero();
            assertThat(empty.tryAcquire()).as(Messages.ZERO_VALUE).isFalse();
        }

        @Test
        @DisplayName("release() above the initial value throws IllegalStateException and changes nothing")
        void release_above_the_bound_fails() {
            BoundedSemaphore semaphore = new BoundedSemaphore(2);
            assertThat(catchThrowable(semaphore::release)).withFailMessage(Messages.ABOVE_BOUND)
                    .isInstanceOf(IllegalStateException.class);
            assertThat(semaphore.availablePermits()).withFailMessage(Messages.ABOVE_BOUND_UNCHANGED).isEqualTo(2);
            BoundedSemaphore empty = new BoundedSemaphore(0);
            assertThat(catchThrowable(empty::release)).withFailMessage(Messages.ABOVE_BOUND)
                    .isInstanceOf(IllegalStateException.class);
            assertThat(empty.availablePermits()).withFailMessage(Messages.ABOVE_BOUND_UNCHANGED).isZero();
        }

        @Test
        @DisplayName("release(n) gives n permits back at once; n below 1 is refused")
        void release_n_gives_several_back() throws InterruptedException {
            BoundedSemaphore semaphore = new BoundedSemaphore(3);
            takeAll(semaphore, 3);
            semaphore.release(2);
            assertThat(semaphore.availablePermits()).as(Messages.RELEASE_N_ADDS).isEqualTo(2);
            assertThat(catchThrowable(() -> semaphore.release(0))).withFailMessage(Messages.RELEASE_N_BELOW_ONE)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(catchThrowable(() -> semaphore.release(-1))).withFailMessage(Messages.RELEASE_N_BELOW_ONE)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(semaphore.availablePermits()).as(Messages.RELEASE_N_BELOW_ONE).isEqualTo(2);
        }

        @Test
        @DisplayName("a release(n) that would pass the initial value throws and changes nothing (all or nothing)")
        void release_n_is_all_or_nothing() throws InterruptedException {
            BoundedSemaphore semaphore = new BoundedSemaphore(3);
            takeAll(semaphore, 3);
            semaphore.release(2);
            assertThat(catchThrowable(() -> semaphore.release(2))).withFailMessage(Messages.RELEASE_N_ABOVE_BOUND)
                    .isInstanceOf(IllegalStateException.class);
            assertThat(semaphore.availablePermits()).withFailMessage(Messages.partlyReleased(semaphore.availablePermits()))
                    .isEqualTo(2);
            semaphore.release(1);
            assertThat(semaphore.availablePermits()).as(Messages.RELEASE_N_ADDS).isEqualTo(3);
        }

        @Test
        @DisplayName("tryAcquire(timeout) with a zero or negative timeout makes one try, without waiting or throwing")
        void zero_or_negative_timeout_is_one_try() throws Exception {
            BoundedSemaphore semaphore = new BoundedSemaphore(1);
            assertThat(promptly("tryAcquire(Duration.ZERO) with a permit free", () -> semaphore.tryAcquire(Duration.ZERO)))
                    .as(Messages.ZERO_FREE).isTrue();
            assertThat(promptly("tryAcquire(Duration.ZERO) with no permit free", () -> semaphore.tryAcquire(Duration.ZERO)))
                    .withFailMessage(Messages.ZERO_NONE).isFalse();
            Throwable negative = catchThrowable(() -> promptly("tryAcquire(-1 ms) with no permit free",
                    () -> semaphore.tryAcquire(Duration.ofMillis(-1))));
            assertThat(negative).withFailMessage(Messages.negativeThrew(negative)).isNull();
            semaphore.release();
            assertThat(promptly("tryAcquire(-1 ms) with a permit free", () -> semaphore.tryAcquire(Duration.ofMillis(-1))))
                    .as(Messages.NEGATIVE_FREE).isTrue();
            assertThat(semaphore.availablePermits()).as(Messages.NEGATIVE_FREE).isZero();
        }

        @Test
        @DisplayName("tryAcquire(timeout) gives up with false after about the timeout, and changes nothing")
        void timed_acquire_gives_up() throws Exception {
            BoundedSemaphore semaphore = new BoundedSemaphore(1);
            takeAll(semaphore, 1);
            long startedAt = System.nanoTime();
            boolean taken = promptly("tryAcquire(" + Waits.inWords(Delays.SHORT) + ") with no permit free",
                    () -> semaphore.tryAcquire(Delays.SHORT));
            Duration waited = Duration.ofNanos(System.nanoTime() - startedAt);
            assertThat(taken).withFailMessage(Messages.TIMED_NONE).isFalse();
            assertThat(waited).withFailMessage(Messages.gaveUpTooSoon(waited))
                    .isGreaterThanOrEqualTo(Delays.SHORT.dividedBy(2));
            assertThat(semaphore.availablePermits()).as(Messages.TIMED_UNCHANGED).isZero();
        }
    }

    @Nested
    @DisplayName("between threads")
    class BetweenThreads {

        @Test
        @DisplayName("acquire() waits while no permit is free, and goes on when any other thread releases one")
        void acquire_waits_until_another_thread_releases() throws InterruptedException {
            BoundedSemaphore semaphore = new BoundedSemaphore(1);
            takeAll(semaphore, 1);
            try (Workers workers = new Workers()) {
                Thread waiter = workers.start("waiter", semaphore::acquire);
                waitsInsideBoundedSemaphore(waiter, "acquire()");
                workers.start("releaser", semaphore::release); // a thread that never acquired may release
                endsAfterRelease(waiter, "acquire()");
                workers.joinAll();
            }
            assertThat(semaphore.availablePermits()).as(Messages.WAITER_TOOK_IT).isZero();
        }

        @Test
        @DisplayName("release(2) wakes two waiting threads")
        void release_n_wakes_n_waiters() throws InterruptedException {
            BoundedSemaphore semaphore = new BoundedSemaphore(2);
            takeAll(semaphore, 2);
            try (Workers workers = new Workers()) {
                Thread first = workers.start("waiter-1", semaphore::acquire);
                Thread second = workers.start("waiter-2", semaphore::acquire);
                waitsInsideBoundedSemaphore(first, "acquire()");
                waitsInsideBoundedSemaphore(second, "acquire()");
                semaphore.release(2);
                endsAfterRelease(first, "acquire() after release(2)");
                endsAfterRelease(second, "acquire() after release(2)");
                workers.joinAll();
            }
            assertThat(semaphore.availablePermits()).as(Messages.WAITER_TOOK_IT).isZero();
        }

        @Test
        @DisplayName("tryAcquire(timeout) takes a permit released while it waits")
        void timed_acquire_takes_a_permit_released_in_time() throws InterruptedException {
            BoundedSemaphore semaphore = new BoundedSemaphore(1);
            takeAll(semaphore, 1);
            AtomicBoolean taken = new AtomicBoolean();
            try (Workers workers = new Workers()) {
                Thread patient = workers.start("patient", () -> taken.set(semaphore.tryAcquire(Delays.PATIENCE)));
                waitsInsideBoundedSemaphore(patient, "tryAcquire(" + Waits.inWords(Delays.PATIENCE) + ")");
                semaphore.release();
                endsAfterRelease(patient, "tryAcquire(" + Waits.inWords(Delays.PATIENCE) + ")");
                workers.joinAll();
            }
            assertThat(taken.get()).withFailMessage(Messages.TIMED_RELEASED_IN_TIME).isTrue();
            assertThat(semaphore.availablePermits()).as(Messages.WAITER_TOOK_IT).isZero();
        }

        @Test
        @DisplayName("an interrupted acquire() throws InterruptedException and takes nothing")
        void interrupted_acquire_takes_nothing() throws InterruptedException {
            BoundedSemaphore semaphore = new BoundedSemaphore(1);
            takeAll(semaphore, 1);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread waiter = workers.start("waiter", () -> thrown.set(catchThrowable(semaphore::acquire)));
                waitsInsideBoundedSemaphore(waiter, "acquire()");
                waiter.interrupt();
                workers.joinAll();
            }
            assertThat(thrown.get()).withFailMessage(Messages.interrupted(thrown.get()))
                    .isInstanceOf(InterruptedException.class);
            semaphore.release();
            assertThat(semaphore.availablePermits()).as(Messages.INTERRUPTED_TOOK_NOTHING).isEqualTo(1);
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("with one permit, lets one of two threads in at a time and wakes the waiter, in every schedule Fray tries")
    void one_permit_one_holder_at_a_time() throws Exception {
        // Plain checks instead of AssertJ here, and few threads and atomics: this body runs hundreds of times under
        // Fray, which pauses at every synchronization point. The test thread is the second contender; each takes
        // the permit twice, so that one can take it back while the other is being woken.
        BoundedSemaphore shared = new BoundedSemaphore(1);
        AtomicInteger inside = new AtomicInteger();
        boolean[] overlapped = new boolean[1];
        Workers.Task usePermitTwice = () -> {
            for (int round = 0; round < 2; round++) {
                shared.acquire();
                if (inside.incrementAndGet() > 1) {
                    overlapped[0] = true;
                }
                inside.decrementAndGet();
                shared.release();
            }
        };
        try (Workers workers = new Workers()) {
            workers.start("worker", usePermitTwice);
            usePermitTwice.run();
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a waiter that is never woken
        }
        Failures.expect(!overlapped[0], Messages.TWO_INSIDE, Messages.RECHECK_AFTER_WAIT);
        Failures.expect(shared.availablePermits() == 1, Messages.backAtOne(shared.availablePermits()),
                Messages.WAKE_WAITERS);
    }

    private static void takeAll(BoundedSemaphore semaphore, int permits) throws InterruptedException {
        for (int i = 0; i < permits; i++) {
            assertThat(semaphore.tryAcquire()).as(Messages.TRY_FREE).isTrue();
        }
    }

    /** Runs a call that must not block for long on a worker, failing with a hang report if it does. */
    private static <T> T promptly(String what, java.util.concurrent.Callable<T> call) {
        return Waits.returnsPromptly("caller", what, call);
    }

    /**
     * Waits until {@code thread} waits inside BoundedSemaphore for a signal (in {@code wait()} or a Condition's
     * {@code await()}), failing if it returns instead. A thread only blocked on the way in is not yet waiting.
     */
    private static void waitsInsideBoundedSemaphore(Thread thread, String call) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                throw Failures.failure("`" + thread.getName() + "` returned from " + call
                        + " at once although no permit was free: it should have waited.", Messages.WAIT_WHILE_NONE);
            }
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                    && waitsForASignalIn(thread.getStackTrace(), BoundedSemaphore.class)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(thread, "BoundedSemaphore." + call + ", waiting for a permit");
    }

    /** Whether the stack shows a wait for a signal (not for a lock) called from inside {@code owner}. */
    private static boolean waitsForASignalIn(StackTraceElement[] stack, Class<?> owner) {
        boolean waiting = false;
        for (StackTraceElement frame : stack) {
            String className = frame.getClassName();
            if ((className.equals("java.lang.Object") && frame.getMethodName().startsWith("wait"))
                    || (className.endsWith("$ConditionObject") && frame.getMethodName().startsWith("await"))) {
                waiting = true;
            }
            if (className.equals(owner.getName())) {
                return waiting;
            }
        }
        return false;
    }

    /** Waits for {@code thread} to end after a release, explaining a missing wake-up if it does not. */
    private static void endsAfterRelease(Thread thread, String call) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            thread.interrupt();
            throw Failures.failure("`" + thread.getName() + "` is still waiting in " + call + " "
                    + Waits.inWords(Delays.PATIENCE) + " after permits were released for it.", Messages.WAKE_WAITERS);
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String START_FULL = "new BoundedSemaphore(2) should start with 2 free permits";
        static final String TRY_FREE = "tryAcquire() with a permit free should take it and return true";
        static final String TRY_NONE = "tryAcquire() with no permit free should return false at once and take nothing";
        static final String RELEASE_ADDS = "release() should give one permit back";
        static final String NEGATIVE_VALUE = "new BoundedSemaphore(-1) should throw IllegalArgumentException (Python"
                + " raises ValueError).";
        static final String ZERO_VALUE = "new BoundedSemaphore(0) is allowed and starts with no permit free";
        static final String ABOVE_BOUND = "release() on a semaphore that already holds its initial value should"
                + " throw IllegalStateException (Python's BoundedSemaphore raises ValueError): a permit was released"
                + " more often than it was acquired. Java's Semaphore has no such bound; this one must.";
        static final String ABOVE_BOUND_UNCHANGED = "a refused release() must leave the count as it was";
        static final String RELEASE_N_ADDS = "release(n) should give n permits back at once";
        static final String RELEASE_N_BELOW_ONE = "release(0) and release(-1) should throw IllegalArgumentException"
                + " and change nothing";
        static final String RELEASE_N_ABOVE_BOUND = "With 2 of 3 permits free, release(2) would make 4: it should"
                + " throw IllegalStateException.";
        static final String ZERO_FREE = "tryAcquire(Duration.ZERO) with a permit free should take it";
        static final String ZERO_NONE = "tryAcquire(Duration.ZERO) with no permit free should return false at once:"
                + " a zero timeout means one try, not wait forever.";
        static final String NEGATIVE_FREE = "tryAcquire(-1 ms) with a permit free should take it (one try)";
        static final String TIMED_NONE = "tryAcquire(timeout) with no permit free for the whole timeout should"
                + " return false";
        static final String TIMED_UNCHANGED = "a timed acquire that gave up must take nothing";
        static final String WAITER_TOOK_IT = "the waiting thread should have taken the released permit";
        static final String WAIT_WHILE_NONE = "while no permit is free, wait (wait() or await() in a while loop);"
                + " take one only when one is free.";
        static final String TIMED_RELEASED_IN_TIME = "A permit was released while `patient` was within its timeout,"
                + " so tryAcquire(timeout) should have taken it and returned true.";
        static final String INTERRUPTED_TOOK_NOTHING = "an interrupted acquire() must take no permit";
        static final String WAKE_WAITERS = "release(n) must wake the threads waiting for permits: notifyAll() (or"
                + " signalAll() on a Condition) after adding the permits, under the same lock. notify() wakes only one"
                + " thread, although n permits may have come free.";
        static final String TWO_INSIDE = "Two threads held the only permit of a BoundedSemaphore(1) at the same time.";
        static final String RECHECK_AFTER_WAIT = "after wait() returns, check the count again (while, not if): another"
                + " thread may have taken the freed permit between the wake-up and the moment this one got the monitor"
                + " back.";

        static String partlyReleased(int free) {
            return "A refused release(2) left " + free + " permits free instead of 2: release(n) is all or nothing."
                    + "\nWhat to look at: check that count + n stays within the bound BEFORE changing the count;"
                    + " do not add the permits one by one.";
        }

        static String negativeThrew(Throwable thrown) {
            return "tryAcquire(-1 ms) threw " + thrown + ": in Python a negative timeout is one try, not an error, so"
                    + " it should return false when no permit is free.";
        }

        static String gaveUpTooSoon(Duration waited) {
            return "tryAcquire(" + Waits.inWords(Delays.SHORT) + ") with no permit free gave up after only "
                    + waited.toMillis() + " ms: it should wait for the timeout before returning false.";
        }

        static String interrupted(Throwable thrown) {
            return "acquire() interrupted while waiting should throw InterruptedException, but "
                    + (thrown == null ? "it returned normally" : "it threw " + thrown);
        }

        static String backAtOne(int free) {
            return "2 threads each acquired and released the one permit twice, but " + free
                    + " permit(s) are free at the end instead of 1.";
        }
    }
}
