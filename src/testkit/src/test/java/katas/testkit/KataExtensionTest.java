package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

@DisplayName("The kata extension")
class KataExtensionTest {

    @Test
    @DisplayName("turns a timed-out deadlock into a failure that shows the cycle")
    void timeoutShowsDeadlockCycle() {
        Throwable failure = failureOf(DeadlockingSample.class);
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage())
                .startsWith("The test did not finish in time: Deadlock: ")
                .contains("`left` holds", "`right` holds", "--- details ---");
    }

    @Test
    @DisplayName("fails a test that leaves a thread running, naming the thread")
    void leakedThreadFails() {
        Throwable failure = failureOf(LeakingSample.class);
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).contains("`forgotten` was started during the test and is still running");
    }

    @Test
    @DisplayName("reports a starter's TODO as not written yet")
    void todoIsNotWrittenYet() {
        Throwable failure = failureOf(TodoSample.class);
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).startsWith("Not written yet: TODO: count the sheep");
    }

    private static Throwable failureOf(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(sample))
                .execute()
                .testEvents().failed().stream()
                .map(Event::getPayload).flatMap(Optional::stream)
                .map(payload -> ((TestExecutionResult) payload).getThrowable()).flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new AssertionError(sample.getSimpleName() + " should have failed"));
    }

    static final class DeadlockingSample {
        @Test
        @Timeout(value = 2, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void deadlocks() throws Exception {
            ReentrantLock a = new ReentrantLock();
            ReentrantLock b = new ReentrantLock();
            CyclicBarrier bothHoldOne = new CyclicBarrier(2);
            try (Workers workers = new Workers()) {
                workers.start("left", () -> lockBoth(a, b, bothHoldOne));
                workers.start("right", () -> lockBoth(b, a, bothHoldOne));
                workers.joinAll(Duration.ofMinutes(5));
            }
        }

        private static void lockBoth(ReentrantLock mine, ReentrantLock theirs, CyclicBarrier gate) throws Exception {
            mine.lockInterruptibly();
            try {
                gate.await();
                theirs.lockInterruptibly();
                theirs.unlock();
            } finally {
                mine.unlock();
            }
        }
    }

    static final class LeakingSample {
        @Test
        void leaves_a_thread_behind() throws InterruptedException {
            CountDownLatch running = new CountDownLatch(1);
            Thread forgotten = new Thread(() -> {
                running.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException stopped) {
                    // ended by the extension
                }
            }, "forgotten");
            forgotten.start();
            running.await(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    static final class TodoSample {
        @Test
        void counts() {
            count();
        }

        private static int count() {
            throw new UnsupportedOperationException("TODO: count the sheep");
        }
    }
}
