package katas.rlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
@DisplayName("Task 3: RLock, Python's RLock in Java")
@ExtendWith(FrayTestExtension.class)
class RLockTest {

    private final RLock lock = new RLock();

    @Nested
    @DisplayName("on one thread")
    class OnOneThread {

        @Test
        @DisplayName("each acquire by the owner adds a hold, and only the last release frees the lock")
        void counts_holds() {
            onItsOwn("owner", () -> {
                assertThat(lock.isLocked()).as(Messages.NEW_IS_FREE).isFalse();
                assertThat(lock.holdCount()).as(Messages.NEW_IS_FREE).isZero();
                lock.acquire();
                lock.acquire();
                assertThat(lock.tryAcquire()).withFailMessage(Messages.OWNER_TRY).isTrue();
                assertThat(lock.holdCount()).as(Messages.THREE_HOLDS).isEqualTo(3);
                assertThat(lock.isHeldByCurrentThread()).as(Messages.THREE_HOLDS).isTrue();
                lock.release();
                assertThat(lock.holdCount()).withFailMessage(Messages.released(3, 1, lock.holdCount())).isEqualTo(2);
                lock.release();
                assertThat(lock.holdCount()).withFailMessage(Messages.released(3, 2, lock.holdCount())).isEqualTo(1);
                assertThat(lock.isLocked()).withFailMessage(Messages.STILL_LOCKED).isTrue();
                lock.release();
                assertThat(lock.isLocked()).as(Messages.LAST_FREES).isFalse();
                assertThat(lock.holdCount()).as(Messages.LAST_FREES).isZero();
                assertThat(lock.isHeldByCurrentThread()).as(Messages.LAST_FREES).isFalse();
            });
        }

        @Test
        @DisplayName("release() of a lock nobody holds throws IllegalMonitorStateException")
        void release_of_a_free_lock_fails() {
            assertThat(thrownBy(lock::release)).withFailMessage(Messages.RELEASE_FREE)
                    .isInstanceOf(IllegalMonitorStateException.class);
            assertThat(lock.isLocked()).as(Messages.RELEASE_FREE).isFalse();
        }

        @Test
        @DisplayName("tryAcquire(timeout) refuses a negative timeout, and takes a free or its own lock at once")
        void timed_acquire_on_one_thread() {
            assertThat(thrownBy(() -> lock.tryAcquire(Duration.ofMillis(-1)))).withFailMessage(Messages.NEGATIVE)
                    .isInstanceOf(IllegalArgumentException.class);
            onItsOwn("owner", () -> {
                assertThat(lock.tryAcquire(Duration.ZERO)).withFailMessage(Messages.ZERO_FREE).isTrue();
                assertThat(lock.tryAcquire(Delays.PATIENCE)).withFailMessage(Messages.OWNER_TRY).isTrue();
                assertThat(lock.holdCount()).as(Messages.TWO_TIMED_HOLDS).isEqualTo(2);
            });
        }
    }

    @Nested
    @DisplayName("between threads")
    class BetweenThreads {

        @Test
        @DisplayName("another thread can neither take nor release an owned lock, and holds nothing")
        void other_threads_cannot_take_or_release() throws InterruptedException {
            lock.acquire();
            takesItAgain();
            try (Workers workers = new Workers()) {
                start(workers, "intruder", () -> {
                    assertThat(lock.isLocked()).as(Messages.LOCKED_FOR_ALL).isTrue();
                    assertThat(lock.isHeldByCurrentThread()).withFailMessage(Messages.NOT_HELD_BY_OTHER).isFalse();
                    assertThat(lock.holdCount()).withFailMessage(Messages.otherCount(lock.holdCount())).isZero();
                    assertThat(lock.tryAcquire()).withFailMessage(Messages.OTHER_TRY).isFalse();
                    assertThat(lock.tryAcquire(Duration.ZERO)).withFailMessage(Messages.OTHER_TRY).isFalse();
                    assertThat(thrownBy(lock::release)).withFailMessage(Messages.OTHER_RELEASE)
                            .isInstanceOf(IllegalMonitorStateException.class);
                });
                workers.joinAll();
            }
            assertThat(lock.holdCount()).withFailMessage(Messages.UNCHANGED_BY_OTHER).isEqualTo(2);
            assertThat(lock.isHeldByCurrentThread()).withFailMessage(Messages.UNCHANGED_BY_OTHER).isTrue();
        }

        @Test
        @DisplayName("acquire() waits while another thread owns the lock, and gets it after the owner's last release")
        void acquire_waits_for_the_last_release() throws InterruptedException {
            lock.acquire();
            takesItAgain();
            AtomicInteger waiterHolds = new AtomicInteger(-1);
            try (Workers workers = new Workers()) {
                Thread waiter = start(workers, "waiter", () -> {
                    lock.acquire();
                    waiterHolds.set(lock.holdCount());
                    lock.release();
                });
                waitsInsideRLock(waiter, Messages.DID_NOT_WAIT);
                lock.release();
                assertThat(lock.holdCount()).withFailMessage(Messages.released(2, 1, lock.holdCount())).isEqualTo(1);
                assertThat(lock.isHeldByCurrentThread()).withFailMessage(Messages.STILL_OWNER).isTrue();
                lock.release();
                endsAfterRelease(waiter);
                workers.joinAll();
            }
            assertThat(waiterHolds.get()).as(Messages.WAITER_GOT_IT).isEqualTo(1);
            assertThat(lock.isLocked()).as(Messages.WAITER_RELEASED).isFalse();
        }

        @Test
        @DisplayName("tryAcquire(timeout) gives up with false after about the timeout, and changes nothing")
        void timed_acquire_gives_up() throws InterruptedException {
            lock.acquire();
            AtomicBoolean taken = new AtomicBoolean(true);
            AtomicInteger waitedMillis = new AtomicInteger();
            try (Workers workers = new Workers()) {
                start(workers, "impatient", () -> {
                    long startedAt = System.nanoTime();
                    taken.set(lock.tryAcquire(Delays.SHORT));
                    waitedMillis.set((int) Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
                });
                workers.joinAll();
            }
            assertThat(taken.get()).withFailMessage(Messages.TIMED_HELD).isFalse();
            assertThat(waitedMillis.get()).withFailMessage(Messages.gaveUpTooSoon(waitedMillis.get()))
                    .isGreaterThanOrEqualTo((int) Delays.SHORT.dividedBy(2).toMillis());
            assertThat(lock.holdCount()).as(Messages.TIMED_UNCHANGED).isEqualTo(1);
        }

        @Test
        @DisplayName("tryAcquire(timeout) takes the lock when the owner releases it in time")
        void timed_acquire_takes_a_lock_released_in_time() throws InterruptedException {
            lock.acquire();
            AtomicBoolean taken = new AtomicBoolean();
            try (Workers workers = new Workers()) {
                Thread patient = start(workers, "patient", () -> {
                    taken.set(lock.tryAcquire(Delays.PATIENCE));
                    if (taken.get()) {
                        lock.release();
                    }
                });
                waitsInsideRLock(patient, Messages.TIMED_DID_NOT_WAIT);
                lock.release();
                endsAfterRelease(patient);
                workers.joinAll();
            }
            assertThat(taken.get()).withFailMessage(Messages.TIMED_RELEASED_IN_TIME).isTrue();
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("nested holds keep other threads out, and every waiter gets in, in every schedule Fray tries (3 threads)")
    void nested_holds_exclude_others() throws Exception {
        // Plain checks and plain fields here: this body runs hundreds of times under Fray, which runs one thread
        // at a time (so plain fields are safe) and pays for every atomic or AssertJ call.
        RLock shared = new RLock();
        Room room = new Room();
        Workers.Task nestedHolds = () -> {
            shared.acquire();
            shared.acquire(); // a nested call takes the lock again
            room.overlapped |= ++room.inside != 1; // holding two holds, this thread must be alone
            room.inside--;
            try {
                shared.release(); // the nested call gives its hold back: the lock must stay this thread's
            } catch (IllegalMonitorStateException notOwner) {
                room.overlapped = true; // it held two holds, yet another thread owns the lock: two got in
                return;
            }
            try {
                shared.release();
            } catch (IllegalMonitorStateException notOwner) {
                room.lostOwnership = true;
            }
        };
        try (Workers workers = new Workers()) {
            workers.start("worker-1", nestedHolds);
            workers.start("worker-2", nestedHolds);
            nestedHolds.run(); // the test thread is the third: one thread fewer to start in every schedule
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a waiter that is never woken
        }
        // Two threads inside is the worse news, and the one an `if` around wait() causes: report it first.
        Failures.expect(!room.overlapped, Messages.TWO_INSIDE, Messages.RECHECK_AFTER_WAIT);
        Failures.expect(!room.lostOwnership, Messages.LOST_OWNERSHIP, Messages.ONE_OWNER);
        Failures.expect(!shared.isLocked(), Messages.LOCKED_AT_THE_END, Messages.FREE_AT_ZERO);
    }

    /** What the threads of the Fray test saw inside the lock. */
    private static final class Room {
        int inside;
        boolean overlapped;
        boolean lostOwnership;
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

    /** The test thread, which owns the lock, takes it once more; tryAcquire(), so that a lock that is not reentrant cannot hang the test. */
    private void takesItAgain() {
        assertThat(lock.tryAcquire()).withFailMessage(Messages.OWNER_TRY).isTrue();
    }

    /** What {@code call} throws, or null; a starter's "TODO" exception goes on, so the kit reports it as not written yet. */
    private static Throwable thrownBy(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown instanceof UnsupportedOperationException todo && String.valueOf(todo.getMessage()).startsWith("TODO")) {
            throw todo;
        }
        return thrown;
    }

    /**
     * Runs {@code body} on a worker of its own, the only thread using the lock, and waits for it to
     * finish; a worker that waits inside RLock instead can only be waiting for itself, and fails at once.
     */
    private static void onItsOwn(String name, Workers.Task body) {
        try (Workers workers = new Workers()) {
            Thread worker = workers.start(name, body);
            long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
            while (worker.isAlive() && System.nanoTime() < deadline) {
                Thread.State state = worker.getState();
                if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                        || state == Thread.State.BLOCKED) && isInsideRLock(worker)) {
                    worker.interrupt();
                    throw Failures.failure(Messages.waitsForItself(name), Messages.REENTRANT);
                }
                Thread.onSpinWait();
                Thread.yield();
            }
            workers.joinAll();
        }
    }

    /** Waits until {@code thread} waits inside RLock, failing at once with {@code ifReturned} if it ends instead. */
    private void waitsInsideRLock(Thread thread, String ifReturned) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                rethrowIfCrashed(thread);
                throw Failures.failure(ifReturned, Messages.WAIT_WHILE_OWNED);
            }
            if (state != Thread.State.RUNNABLE && state != Thread.State.NEW && isInsideRLock(thread)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(thread, "RLock, waiting for the lock another thread owns");
    }

    /** Waits for {@code thread} to end after the owner's last release, explaining a missing wake-up if it does not. */
    private static void endsAfterRelease(Thread thread) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            thread.interrupt();
            throw Failures.failure("`" + thread.getName() + "` is still waiting for the lock "
                    + Waits.inWords(Delays.PATIENCE) + " after its owner's last release.", Messages.WAKE_WAITERS);
        }
    }

    private static boolean isInsideRLock(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(RLock.class.getName()));
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String NEW_IS_FREE = "a new RLock should be free, with no holds";
        static final String OWNER_TRY = "the owner's tryAcquire() should succeed at once and add a hold: the lock is"
                + " reentrant.";
        static final String THREE_HOLDS = "after acquire(), acquire() and tryAcquire() on one thread, it should own the"
                + " lock with 3 holds";
        static final String STILL_LOCKED = "After 3 acquires and 2 releases, the lock should still be locked: the owner"
                + " has 1 hold left.";
        static final String LAST_FREES = "the third release, the last hold, should free the lock";
        static final String RELEASE_FREE = "release() of a lock that nobody holds should throw"
                + " IllegalMonitorStateException (Python raises RuntimeError) and leave it free";
        static final String NEGATIVE = "tryAcquire(-1 ms) should throw IllegalArgumentException";
        static final String ZERO_FREE = "tryAcquire(Duration.ZERO) on a free lock should take it and return true";
        static final String TWO_TIMED_HOLDS = "two timed acquires on one thread should make 2 holds";
        static final String LOCKED_FOR_ALL = "isLocked() should be true for every thread while some thread owns the lock";
        static final String NOT_HELD_BY_OTHER = "isHeldByCurrentThread() returned true on a thread that never acquired"
                + " the lock: compare the owner with Thread.currentThread().";
        static final String OTHER_TRY = "tryAcquire() on a lock owned by another thread should return false at once:"
                + " only the owner may take an owned lock again.";
        static final String OTHER_RELEASE = "release() by a thread that does not own the lock should throw"
                + " IllegalMonitorStateException: unlike Python's Lock, an RLock has an owner, and only it may release.";
        static final String UNCHANGED_BY_OTHER = "After another thread's refused release() and tryAcquire(), the owner"
                + " should still own the lock with its 2 holds: a refused call changes nothing.";
        static final String DID_NOT_WAIT = "`waiter` returned from acquire() although another thread owned the lock: it"
                + " should have waited.";
        static final String STILL_OWNER = "After its first of two releases, the owner should still own the lock.";
        static final String WAITER_GOT_IT = "after the owner's last release, `waiter` should have owned the lock with"
                + " 1 hold";
        static final String WAITER_RELEASED = "after `waiter` released its one hold, the lock should be free";
        static final String TIMED_HELD = "tryAcquire(" + Waits.inWords(Delays.SHORT) + ") on a lock another thread"
                + " owned the whole time returned true: it must give up with false once the timeout has passed.";
        static final String TIMED_UNCHANGED = "a timed acquire that gave up must leave the owner's holds as they were";
        static final String TIMED_DID_NOT_WAIT = "`patient` returned from tryAcquire(" + Waits.inWords(Delays.PATIENCE)
                + ") at once although another thread owned the lock: it should wait for up to the timeout.";
        static final String TIMED_RELEASED_IN_TIME = "The owner released the lock while `patient` was within its"
                + " timeout, so tryAcquire(timeout) should have taken it and returned true.";
        static final String WAIT_WHILE_OWNED = "while another thread owns the lock, wait (wait() in a while loop); take"
                + " it when it is free or already yours.";
        static final String WAKE_WAITERS = "the last release must wake the threads waiting for the lock: notifyAll()"
                + " after clearing the owner, under the same monitor.";
        static final String REENTRANT = "an RLock lets its owner in again: wait only while the owner is another thread,"
                + " and count the owner's holds.";
        static final String LOST_OWNERSHIP = "A thread's last release() threw IllegalMonitorStateException: it still had"
                + " one hold, yet it no longer owned the lock. Either the release of the nested call freed the lock too"
                + " early, or another thread took the lock while this one owned it.";
        static final String ONE_OWNER = "release() takes away one hold and clears the owner only when the count reaches 0;"
                + " acquire() waits in a while loop until the lock is free or already the caller's.";
        static final String FREE_AT_ZERO = "release() takes away one hold; only when the count reaches 0 does it clear"
                + " the owner and wake the waiters.";
        static final String TWO_INSIDE = "Two threads owned the RLock at the same time.";
        static final String RECHECK_AFTER_WAIT = "after wait() returns, look at the owner again (while, not if): notifyAll()"
                + " wakes every waiter, and another one may have taken the lock first.";
        static final String LOCKED_AT_THE_END = "3 workers each took the lock twice and released it twice, yet it is"
                + " still locked at the end.";

        static String released(int acquires, int releases, int holds) {
            return "After " + acquires + " acquires and " + releases + " release(s) the owner should have "
                    + (acquires - releases)
                    + " hold(s), but holdCount() says " + holds + ": each release takes away one hold, not all of them.";
        }

        static String otherCount(int holds) {
            return "holdCount() on a thread that does not own the lock should be 0, but it says " + holds
                    + ": the count belongs to the owner.";
        }

        static String waitsForItself(String name) {
            return "`" + name + "` waits inside RLock for a lock that it already owns, and no other thread is using"
                    + " the lock: it would wait forever. That is Python's Lock, not its RLock.";
        }

        static String gaveUpTooSoon(int millis) {
            return "tryAcquire(" + Waits.inWords(Delays.SHORT) + ") on an owned lock gave up after only " + millis
                    + " ms: it should wait for the timeout before returning false.";
        }
    }
}
