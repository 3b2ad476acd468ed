package katas.rlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ledger is built on a lock the test owns, so the test can hold that lock on another thread, see
 * whether every hold was given back, and look at the books each time the lock is let go.
 */
@Tag("task:1")
@DisplayName("Task 1: Ledger, one ReentrantLock for methods that call each other")
class LedgerTest {

    private static final Map<String, Long> OPENING = Map.of("alice", 100L, "bob", 50L);
    private static final long OPENING_TOTAL = 150;

    private final AuditedLock lock = new AuditedLock();
    private final Ledger ledger = new Ledger(lock, OPENING);

    @Nested
    @DisplayName("on one thread")
    class OnOneThread {

        @Test
        @DisplayName("deposits, withdraws and transfers")
        void deposits_withdraws_and_transfers() {
            ledger.deposit("alice", 10);
            ledger.withdraw("bob", 20);
            ledger.transfer("alice", "bob", 60);
            assertThat(ledger.balance("alice")).as(Messages.ONE_THREAD).isEqualTo(50);
            assertThat(ledger.balance("bob")).as(Messages.ONE_THREAD).isEqualTo(90);
            assertThat(ledger.total()).as(Messages.ONE_THREAD).isEqualTo(140);
        }

        @Test
        @DisplayName("refuses a transfer the balance does not cover, and changes nothing")
        void refuses_an_overdraft() {
            assertThat(catchThrowable(() -> ledger.transfer("bob", "alice", 80))).withFailMessage(Messages.OVERDRAFT)
                    .isInstanceOf(IllegalStateException.class);
            assertThat(ledger.balance("bob")).as(Messages.OVERDRAFT_UNCHANGED).isEqualTo(50);
            assertThat(ledger.balance("alice")).as(Messages.OVERDRAFT_UNCHANGED).isEqualTo(100);
        }
    }

    @Nested
    @DisplayName("while another thread holds the ledger's lock")
    class WhileTheLockIsHeld {

        @Test
        @DisplayName("deposit() waits for the lock")
        void deposit_waits() {
            waitsForTheLock("deposit(\"alice\", 5)", () -> ledger.deposit("alice", 5));
            assertThat(ledger.balance("alice")).as(Messages.DONE_AFTER_WAIT).isEqualTo(105);
        }

        @Test
        @DisplayName("withdraw() waits for the lock")
        void withdraw_waits() {
            waitsForTheLock("withdraw(\"alice\", 5)", () -> ledger.withdraw("alice", 5));
            assertThat(ledger.balance("alice")).as(Messages.DONE_AFTER_WAIT).isEqualTo(95);
        }

        @Test
        @DisplayName("transfer() waits for the lock")
        void transfer_waits() {
            waitsForTheLock("transfer(\"alice\", \"bob\", 5)", () -> ledger.transfer("alice", "bob", 5));
            assertThat(ledger.balance("bob")).as(Messages.DONE_AFTER_WAIT).isEqualTo(55);
        }

        @Test
        @DisplayName("balance() and total() wait for the lock")
        void reads_wait() {
            waitsForTheLock("balance(\"alice\")", () -> ledger.balance("alice"));
            waitsForTheLock("total()", ledger::total);
        }
    }

    @Nested
    @DisplayName("transfer() is one step")
    class TransferIsOneStep {

        @Test
        @DisplayName("the lock is never let go halfway through a transfer, so nobody sees the money in flight")
        void never_lets_go_halfway() {
            List<String> halfDone = new ArrayList<>();
            lock.onFullRelease(() -> {
                long seen = ledger.total();
                if (seen != OPENING_TOTAL) {
                    halfDone.add(Messages.halfDone(seen));
                }
            });
            ledger.transfer("alice", "bob", 30);
            ledger.transfer("bob", "alice", 10);
            lock.onFullRelease(null);
            if (!halfDone.isEmpty()) {
                throw Failures.failure(halfDone.get(0), Messages.HOLD_ACROSS_BOTH);
            }
            assertThat(ledger.balance("alice")).as(Messages.TRANSFERS_MOVED).isEqualTo(80);
            assertThat(ledger.balance("bob")).as(Messages.TRANSFERS_MOVED).isEqualTo(70);
        }

        @Test
        @DisplayName("a transfer that fails gives back every hold it took")
        void failed_transfer_gives_the_lock_back() {
            try (Workers workers = new Workers()) {
                workers.start("overdrawer", () -> assertThat(catchThrowable(() -> ledger.transfer("bob", "alice", 80)))
                        .withFailMessage(Messages.OVERDRAFT).isInstanceOf(IllegalStateException.class));
                workers.joinAll();
            }
            if (lock.isLocked()) {
                throw Failures.failure(Messages.LEAKED_BY_TRANSFER, Messages.UNLOCK_EVERY_HOLD);
            }
            try (Workers workers = new Workers()) {
                workers.start("overdrawer", () -> assertThat(catchThrowable(() -> ledger.withdraw("bob", 80)))
                        .withFailMessage(Messages.OVERDRAFT).isInstanceOf(IllegalStateException.class));
                workers.joinAll();
            }
            if (lock.isLocked()) {
                throw Failures.failure(Messages.LEAKED_BY_WITHDRAW, Messages.UNLOCK_EVERY_HOLD);
            }
        }
    }

    /**
     * Holds the ledger's lock on one worker, runs {@code call} on another, and proves that the call waits
     * inside the ledger until the holder lets go, then finishes.
     */
    private void waitsForTheLock(String call, Workers.Task body) {
        try (Workers workers = new Workers()) {
            Workers.LockHolder holder = workers.holdLock("teller", lock);
            try {
                Thread caller = workers.start("caller", body);
                waitsInsideLedger(caller, Messages.didNotWait(call));
            } finally {
                holder.release();
            }
            workers.joinAll();
        }
    }

    /**
     * Waits until {@code worker} waits inside the ledger (for the lock another thread holds), failing at
     * once with {@code ifItReturned} if the call returns instead.
     */
    private static void waitsInsideLedger(Thread worker, String ifItReturned) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = worker.getState();
            if (state == Thread.State.TERMINATED) {
                throw Failures.failure(ifItReturned, Messages.TAKE_THE_LOCK);
            }
            if (state != Thread.State.RUNNABLE && state != Thread.State.NEW && isInsideLedger(worker)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(worker, "Ledger, waiting for the lock another thread holds");
    }

    private static boolean isInsideLedger(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(Ledger.class.getName()));
    }

    /** A ReentrantLock that can run a check each time its owner lets go of its last hold. */
    static final class AuditedLock extends ReentrantLock {
        private static final long serialVersionUID = 1L;
        private transient Runnable audit;
        private transient boolean auditing;

        void onFullRelease(Runnable check) {
            audit = check;
        }

        @Override
        public void unlock() {
            // getHoldCount() is 1 only for the owner's last hold: the moment other threads may come in.
            if (audit != null && !auditing && getHoldCount() == 1) {
                auditing = true;
                try {
                    audit.run();
                } finally {
                    auditing = false;
                }
            }
            super.unlock();
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String ONE_THREAD = "alice 100 and bob 50; then deposit 10 to alice, withdraw 20 from bob and"
                + " transfer 60 from alice to bob: alice should hold 50, bob 90, 140 in all";
        static final String OVERDRAFT = "transfer(\"bob\", \"alice\", 80) with only 50 in bob's account should throw"
                + " IllegalStateException";
        static final String OVERDRAFT_UNCHANGED = "a refused transfer must change nothing";
        static final String DONE_AFTER_WAIT = "once the other thread let go of the lock, the waiting call should have"
                + " done its work";
        static final String TAKE_THE_LOCK = "every public method of the ledger takes its lock: lock.lock(); try { ... }"
                + " finally { lock.unlock(); }.";
        static final String TRANSFERS_MOVED = "after moving 30 from alice to bob and 10 back, alice should hold 80 and"
                + " bob 70";
        static final String HOLD_ACROSS_BOTH = "take the lock in transfer() itself and hold it across both calls."
                + " withdraw() and deposit() take it again inside: a ReentrantLock lets its owner in again and counts"
                + " the holds, and only the last unlock() lets other threads in.";
        static final String LEAKED_BY_TRANSFER = "The ledger's lock is still held after a transfer() that was refused"
                + " (too little money) on another thread, which has ended: every later call on the ledger would wait"
                + " forever.";
        static final String LEAKED_BY_WITHDRAW = "The ledger's lock is still held after a withdraw() that was refused"
                + " (too little money) on another thread, which has ended: every later call on the ledger would wait"
                + " forever.";
        static final String UNLOCK_EVERY_HOLD = "a reentrant lock counts its holds and is free only when the count is"
                + " back to 0: every lock() needs its own unlock() in a finally block. Inside transfer(), the hold"
                + " that withdraw() takes is the second one, and transfer()'s unlock() gives back only its own.";

        static String didNotWait(String call) {
            return "`caller` finished " + call + " while another thread held the ledger's lock: it touched the"
                    + " accounts without taking the lock.";
        }

        static String halfDone(long seen) {
            return "During a transfer, the ledger's lock was let go while the books showed " + seen + " instead of "
                    + OPENING_TOTAL + ": at that moment another thread could take the lock and see the money gone"
                    + " from one account and not yet in the other.";
        }
    }
}
