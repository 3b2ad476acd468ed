package katas.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.LockNames;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The counter is built on a lock the test owns, so the test can hold that lock itself and prove, the
 * same way on every run, that add() and total() wait for it, and can see whether they gave it back.
 */
@Tag("task:2")
@DisplayName("Task 2: LockCounter")
class LockCounterTest {

    private final ReentrantLock lock = LockNames.name(new ReentrantLock(), "the counter's lock");
    private final LockCounter counter = new LockCounter(lock);

    @Nested
    @DisplayName("on one thread")
    class OnOneThread {

        @Test
        @DisplayName("adds amounts")
        void adds_amounts() {
            counter.add(2);
            counter.add(3);
            assertThat(counter.total()).as(Messages.ONE_THREAD).isEqualTo(5);
        }

        @Test
        @DisplayName("rejects a negative amount and leaves the total unchanged")
        void rejects_a_negative_amount() {
            counter.add(4);
            assertThat(catchThrowable(() -> counter.add(-1))).withFailMessage(Messages.NEGATIVE)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(counter.total()).as(Messages.NEGATIVE_UNCHANGED).isEqualTo(4);
        }
    }

    @Nested
    @DisplayName("while another thread holds the counter's lock")
    class WhileTheLockIsHeld {

        @Test
        @DisplayName("add() waits for the lock before it touches the total")
        void add_waits_for_the_lock() {
            try (Workers workers = new Workers()) {
                Workers.LockHolder holder = workers.holdLock("holder", lock);
                try {
                    Thread adder = workers.start("adder", () -> counter.add(5));
                    waitsInsideLockCounter(adder, Messages.ADD_DID_NOT_WAIT);
                } finally {
                    holder.release();
                }
                workers.joinAll();
            }
            assertThat(counter.total()).as(Messages.ADDED_AFTER_WAIT).isEqualTo(5);
        }

        @Test
        @DisplayName("total() waits for the lock before it reads the total")
        void total_waits_for_the_lock() {
            try (Workers workers = new Workers()) {
                Workers.LockHolder holder = workers.holdLock("holder", lock);
                try {
                    Thread reader = workers.start("reader", counter::total);
                    waitsInsideLockCounter(reader, Messages.TOTAL_DID_NOT_WAIT);
                } finally {
                    holder.release();
                }
                workers.joinAll();
            }
        }
    }

    @Nested
    @DisplayName("gives the lock back")
    class GivesTheLockBack {

        @Test
        @DisplayName("after add() threw for a negative amount")
        void after_add_threw() {
            try (Workers workers = new Workers()) {
                workers.start("rejected-adder", () -> assertThat(catchThrowable(() -> counter.add(-1)))
                        .withFailMessage(Messages.NEGATIVE).isInstanceOf(IllegalArgumentException.class));
                workers.joinAll();
            }
            assertThat(lock.isLocked()).withFailMessage(Messages.LEAKED_BY_THROW).isFalse();
        }

        @Test
        @DisplayName("after add() and total() returned")
        void after_add_and_total_returned() {
            try (Workers workers = new Workers()) {
                workers.start("adder", () -> counter.add(5));
                workers.joinAll();
            }
            assertThat(lock.isLocked()).withFailMessage(Messages.LEAKED_BY_ADD).isFalse();
            try (Workers workers = new Workers()) {
                workers.start("reader", counter::total);
                workers.joinAll();
            }
            assertThat(lock.isLocked()).withFailMessage(Messages.LEAKED_BY_READ).isFalse();
        }
    }

    /**
     * Waits until {@code worker} waits inside LockCounter (for the lock the holder keeps), failing at once
     * with {@code ifItReturned} if the call returns instead.
     */
    private static void waitsInsideLockCounter(Thread worker, String ifItReturned) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = worker.getState();
            if (state == Thread.State.TERMINATED) {
                throw Failures.failure(ifItReturned, Messages.TAKE_THE_LOCK);
            }
            if (state != Thread.State.RUNNABLE && state != Thread.State.NEW && isInsideLockCounter(worker)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(worker, "LockCounter, waiting for the lock another thread holds");
    }

    private static boolean isInsideLockCounter(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(LockCounter.class.getName()));
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String ONE_THREAD = "add(2) then add(3) from one thread should total 5";
        static final String NEGATIVE = "add(-1) should throw IllegalArgumentException";
        static final String NEGATIVE_UNCHANGED = "a rejected add(-1) must leave the total as it was";
        static final String ADDED_AFTER_WAIT = "once the holder let go, the waiting add(5) should have added 5";
        static final String ADD_DID_NOT_WAIT = "`adder` finished add(5) while another thread held the counter's lock:"
                + " add() changed the total without holding the lock, so two adds can interleave and lose an update.";
        static final String TOTAL_DID_NOT_WAIT = "`reader` finished total() while another thread held the counter's lock:"
                + " a read without the lock may see a stale total.";
        static final String TAKE_THE_LOCK = "take the one lock in the field (not a new lock made inside the method):"
                + " lock.lock(); try { ... } finally { lock.unlock(); }.";
        static final String LEAKED_BY_THROW = "The counter's lock is still held after add(-1) threw on another thread,"
                + " so every later add() waits forever: a ReentrantLock stays held by its owner even after that thread"
                + " ends.\nWhat to look at: unlock in finally: lock.lock(); try { ... } finally { lock.unlock(); }."
                + " Code after a throw never runs, so an unlock() placed after the check is skipped.";
        static final String LEAKED_BY_ADD = "The counter's lock is still held after add(5) returned on another thread."
                + "\nWhat to look at: every lock() needs its unlock(), in a finally block.";
        static final String LEAKED_BY_READ = "The counter's lock is still held after total() returned on another thread,"
                + " so every later add() waits forever.\nWhat to look at: total() needs the same shape: lock.lock();"
                + " try { return total; } finally { lock.unlock(); }.";
    }
}
