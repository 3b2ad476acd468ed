package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A hang report")
class HangReportTest {

    @Test
    @DisplayName("names the deadlock cycle: who holds which lock and waits for which")
    void reportsDeadlockCycle() throws Exception {
        ReentrantLock a = LockNames.name(new ReentrantLock(), "the lock of account A");
        ReentrantLock b = LockNames.name(new ReentrantLock(), "the lock of account B");
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        Workers workers = new Workers();
        Thread first = workers.start("transfer-1", () -> lockBoth(a, b, bothHoldOne));
        Thread second = workers.start("transfer-2", () -> lockBoth(b, a, bothHoldOne));
        Waits.until(() -> ReentrantLockState.waiting(a) && ReentrantLockState.waiting(b), "both transfers to block");

        String report = HangReport.capture();

        first.interrupt();
        second.interrupt();
        first.join(Delays.PATIENCE);
        second.join(Delays.PATIENCE);
        assertThat(report)
                .startsWith("Deadlock: ")
                .contains("`transfer-1` holds the lock of account A and waits for the lock of account B, which `transfer-2` holds")
                .contains("`transfer-2` holds the lock of account B and waits for the lock of account A, which `transfer-1` holds")
                .contains("take the locks in one global order");
    }

    @Test
    @DisplayName("says when no thread is deadlocked")
    void noDeadlock() {
        assertThat(HangReport.headline()).startsWith("No deadlock");
    }

    private static void lockBoth(ReentrantLock mine, ReentrantLock theirs, CyclicBarrier bothHoldOne) throws Exception {
        mine.lockInterruptibly();
        try {
            bothHoldOne.await(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            theirs.lockInterruptibly();
            theirs.unlock();
        } catch (InterruptedException expected) {
            // the test ends the deadlock by interrupting both threads
        } finally {
            mine.unlock();
        }
    }

    /** Whether some thread waits to take a lock. */
    private static final class ReentrantLockState {
        static boolean waiting(ReentrantLock lock) {
            return lock.hasQueuedThreads();
        }
    }
}
