package katas.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

@Tag("task:6")
@DisplayName("Task 6: PyLock, Python's Lock in Java")
@ExtendWith(FrayTestExtension.class)
class PyLockTest {

    private final PyLock lock = new PyLock();

    @Nested
    @DisplayName("on one thread")
    class OnOneThread {

        @Test
        @DisplayName("starts unlocked; tryAcquire() takes it once, then refuses")
        void try_acquire_takes_a_free_lock_only() {
            assertThat(lock.isLocked()).as(Messages.NEW_IS_FREE).isFalse();
            assertThat(lock.tryAcquire()).as(Messages.TRY_FREE).isTrue();
            assertThat(lock.isLocked()).as(Messages.TRY_FREE).isTrue();
            assertThat(lock.tryAcquire()).withFailMessage(Messages.TRY_HELD).isFalse();
            assertThat(lock.isLocked()).as(Messages.TRY_HELD).isTrue();
        }

        @Test
        @DisplayName("release() frees the lock; releasing a free lock is an error")
        void release_frees_and_refuses_a_free_lock() throws InterruptedException {
            lock.acquire();
            assertThat(lock.isLocked()).as(Messages.ACQUIRE_FREE).isTrue();
            lock.release();
            assertThat(lock.isLocked()).as(Messages.RELEASE_FREES).isFalse();
            assertThat(catchThrowable(lock::release)).withFailMessage(Messages.RELEASE_FREE_LOCK)
                    .isInstanceOf(IllegalStateException.class);
            assertThat(lock.isLocked()).as(Messages.RELEASE_FREES).isFalse();
        }

        @Test
        @DisplayName("tryAcquire(timeout) refuses a negative timeout and takes a free lock at once")
        void timed_acquire_checks_its_timeout() throws InterruptedException {
            assertThat(catchThrowable(() -> lock.tryAcquire(Duration.ofMillis(-1)))).withFailMessage(Messages.NEGATIVE_TIMEOUT)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(lock.isLocked()).as(Messages.NEGATIVE_TIMEOUT).isFalse();
            boolean taken = Waits.returnsPromptly("taker", "tryAcquire(" + Waits.inWords(Delays.PATIENCE) + ") on a free lock",
                    () -> lock.tryAcquire(Delays.PATIENCE));
            assertThat(taken).as(Messages.TIMED_FREE).isTrue();
            assertThat(lock.isLocked()).as(Messages.TIMED_FREE).isTrue();
            assertThat(lock.tryAcquire(Duration.ZERO)).withFailMessage(Messages.ZERO_HELD).isFalse();
        }
    }

    @Nested
    @DisplayName("between threads")
    class BetweenThreads {

        @Test
        @DisplayName("acquire() waits while the lock is held, and goes on once another thread releases it")
        void acquire_waits_until_released() throws InterruptedException {
            lock.acquire();
            try (Workers workers = new Workers()) {
                Thread waiter = workers.start("waiter", lock::acquire);
                waitsInsidePyLock(waiter, Messages.ACQUIRE_DID_NOT_WAIT, Messages.WAIT_WHILE_LOCKED);
                lock.release();
                endsAfterRelease(waiter, "acquire()");
                workers.joinAll();
            }
            assertThat(lock.isLocked()).as(Messages.WAITER_HOLDS).isTrue();
        }

        @Test
        @DisplayName("any thread may release the lock, not only the one that acquired it")
        void any_thread_may_release() {
            try (Workers workers = new Workers()) {
                workers.start("acquirer", lock::acquire);
                workers.joinAll();
            }
            assertThat(lock.isLocked()).as(Messages.ACQUIRE_FREE).isTrue();
            releaseFromAnotherThread();
            assertThat(lock.isLocked()).as(Messages.RELEASE_FREES).isFalse();
        }

        @Test
        @DisplayName("is not reentrant: the holder's second acquire() waits until another thread releases")
        void second_acquire_by_the_holder_waits() {
            try (Workers workers = new Workers()) {
                Thread holder = workers.start("holder", () -> {
                    lock.acquire();
                    lock.acquire();
                });
                Waits.until(lock::isLocked, "`holder` takes the lock with its first acquire()");
                waitsInsidePyLock(holder, Messages.REENTERED, Messages.NOT_REENTRANT);
                releaseFromAnotherThread();
                endsAfterRelease(holder, "its second acquire()");
                workers.joinAll();
            }
            assertThat(lock.isLocked()).as(Messages.WAITER_HOLDS).isTrue();
        }

        @Test
        @DisplayName("tryAcquire(timeout) gives up with false after about the timeout, and changes nothing")
        void timed_acquire_gives_up_on_a_held_lock() throws InterruptedException {
            lock.acquire();
            long startedAt = System.nanoTime();
            boolean taken = Waits.returnsPromptly("impatient", "tryAcquire(" + Waits.inWords(Delays.SHORT)
                    + ") on a held lock", () -> lock.tryAcquire(Delays.SHORT));
            Duration waited = Duration.ofNanos(System.nanoTime() - startedAt);
            assertThat(taken).withFailMessage(Messages.TIMED_HELD).isFalse();
            assertThat(waited).withFailMessage(Messages.gaveUpTooSoon(waited)).isGreaterThanOrEqualTo(Delays.SHORT.dividedBy(2));
            assertThat(lock.isLocked()).as(Messages.TIMED_UNCHANGED).isTrue();
            lock.release();
            assertThat(lock.isLocked()).as(Messages.TIMED_UNCHANGED).isFalse();
        }

        @Test
        @DisplayName("tryAcquire(timeout) takes the lock when it is released during the wait")
        void timed_acquire_takes_a_lock_released_in_time() throws InterruptedException {
            lock.acquire();
            AtomicBoolean taken = new AtomicBoolean();
            try (Workers workers = new Workers()) {
                Thread patient = workers.start("patient", () -> taken.set(lock.tryAcquire(Delays.PATIENCE)));
                waitsInsidePyLock(patient, Messages.TIMED_DID_NOT_WAIT, Messages.WAIT_WHILE_LOCKED);
                lock.release();
                endsAfterRelease(patient, "tryAcquire(" + Waits.inWords(Delays.PATIENCE) + ")");
                workers.joinAll();
            }
            assertThat(taken.get()).withFailMessage(Messages.TIMED_RELEASED_IN_TIME).isTrue();
            assertThat(lock.isLocked()).as(Messages.WAITER_HOLDS).isTrue();
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("lets one thread in at a time and wakes every waiter, in every schedule Fray tries (3 threads)")
    void mutual_exclusion_and_no_lost_waiter() {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray, and AssertJ makes
        // each run many times slower.
        PyLock shared = new PyLock();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        try (Workers workers = new Workers()) {
            for (int i = 1; i <= 3; i++) {
                workers.start("worker-" + i, () -> {
                    shared.acquire();
                    if (inside.incrementAndGet() > 1) {
                        overlapped.set(true);
                    }
                    entries.incrementAndGet();
                    inside.decrementAndGet();
                    try {
                        shared.release();
                    } catch (IllegalStateException alreadyFree) {
                        // Another holder released the lock that this thread had acquired: two threads held it at once.
                        overlapped.set(true);
                    }
                });
            }
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a waiter that is never woken
        }
        if (overlapped.get()) {
            throw Failures.failure(Messages.TWO_INSIDE, Messages.RECHECK_AFTER_WAIT);
        }
        if (entries.get() != 3 || shared.isLocked()) {
            throw Failures.failure(Messages.allEntered(entries.get(), shared.isLocked()), Messages.WAKE_WAITERS);
        }
    }

    /** Releases the lock from a fresh worker thread (not the one that acquired it). */
    private void releaseFromAnotherThread() {
        try (Workers workers = new Workers()) {
            workers.start("releaser", () -> {
                try {
                    lock.release();
                } catch (IllegalMonitorStateException ownerOnly) {
                    throw Failures.failure(Messages.OWNER_ONLY, Messages.NO_OWNER);
                }
            });
            workers.joinAll();
        }
    }

    /**
     * Waits until {@code thread} waits inside PyLock, failing with {@code ifReturned} if it ends instead.
     * Only a wait inside PyLock counts, so a thread briefly blocked elsewhere is not mistaken for it.
     */
    private static void waitsInsidePyLock(Thread thread, String ifReturned, String whatToLookAt) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                throw Failures.failure(ifReturned, whatToLookAt);
            }
            if (state != Thread.State.RUNNABLE && state != Thread.State.NEW && isInsidePyLock(thread)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(thread, "PyLock, waiting for the lock held by another thread");
    }

    /** Waits for {@code thread} to end after the lock was released, explaining a missing wake-up if it does not. */
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
                    + Waits.inWords(Delays.PATIENCE) + " after the lock was released.", Messages.WAKE_WAITERS);
        }
    }

    private static boolean isInsidePyLock(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(PyLock.class.getName()));
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String NEW_IS_FREE = "a new PyLock should be unlocked";
        static final String TRY_FREE = "tryAcquire() on a free lock should take it and return true";
        static final String TRY_HELD = "tryAcquire() on a held lock should return false at once and leave it held,"
                + " even when the caller is the holder: Python's Lock is not reentrant.";
        static final String ACQUIRE_FREE = "acquire() on a free lock should take it";
        static final String RELEASE_FREES = "release() should leave the lock free";
        static final String RELEASE_FREE_LOCK = "release() of a lock that is not locked should throw"
                + " IllegalStateException (Python raises RuntimeError).";
        static final String NEGATIVE_TIMEOUT = "tryAcquire(-1 ms) should throw IllegalArgumentException and leave the"
                + " lock free";
        static final String TIMED_FREE = "tryAcquire(timeout) on a free lock should take it at once and return true";
        static final String ZERO_HELD = "tryAcquire(Duration.ZERO) on a held lock should return false: a zero timeout"
                + " means do not wait.";
        static final String WAITER_HOLDS = "after the release, the thread that was waiting should hold the lock";
        static final String ACQUIRE_DID_NOT_WAIT = "`waiter` returned from acquire() although the lock was held by"
                + " another thread: it should have waited.";
        static final String TIMED_DID_NOT_WAIT = "`patient` returned from tryAcquire(" + Waits.inWords(Delays.PATIENCE)
                + ") at once although the lock was held: it should wait for up to the timeout.";
        static final String WAIT_WHILE_LOCKED = "while the lock is taken, wait (wait() or await() in a while loop);"
                + " take it only when it is free.";
        static final String REENTERED = "`holder` acquired the lock a second time without waiting: that is a reentrant"
                + " lock, like Java's ReentrantLock or Python's RLock.";
        static final String NOT_REENTRANT = "Python's Lock is not reentrant: keep a plain locked flag (not an owner or a"
                + " count) and make every acquire() of a taken lock wait, the holder's too.";
        static final String OWNER_ONLY = "release() from a thread that did not acquire the lock threw"
                + " IllegalMonitorStateException: your lock has an owner, like Java's ReentrantLock.";
        static final String NO_OWNER = "Python's Lock has no owner: any thread may release it. Guard a locked flag of"
                + " your own with synchronized or a ReentrantLock held only inside each method, instead of holding a"
                + " ReentrantLock between acquire() and release().";
        static final String WAKE_WAITERS = "release() must wake the threads waiting for the lock: notifyAll() (or"
                + " signalAll() on a Condition) after clearing the flag, under the same lock.";
        static final String TIMED_HELD = "tryAcquire(" + Waits.inWords(Delays.SHORT) + ") on a lock held the whole time"
                + " returned true: it must give up with false once the timeout has passed.";
        static final String TIMED_UNCHANGED = "a timed acquire that gave up must leave the lock as it was: still held"
                + " by its holder, and free once that holder releases it";
        static final String TIMED_RELEASED_IN_TIME = "The lock was released while `patient` was within its timeout, so"
                + " tryAcquire(timeout) should have taken it and returned true.";
        static final String TWO_INSIDE = "Two threads held the PyLock at the same time.";
        static final String RECHECK_AFTER_WAIT = "after wait() returns, check the flag again (while, not if): another"
                + " thread may have taken the lock between the wake-up and the moment this one got the monitor back.";

        static String gaveUpTooSoon(Duration waited) {
            return "tryAcquire(" + Waits.inWords(Delays.SHORT) + ") on a held lock gave up after only " + waited.toMillis()
                    + " ms: it should wait for the timeout before returning false.";
        }

        static String allEntered(int entries, boolean locked) {
            return "3 workers each acquired and released the PyLock once, but " + entries + " got in and the lock is "
                    + (locked ? "still locked" : "free") + " at the end.";
        }
    }
}
