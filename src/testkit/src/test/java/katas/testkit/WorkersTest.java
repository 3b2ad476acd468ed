package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Workers")
class WorkersTest {

    @Test
    @DisplayName("rethrow a worker's assertion failure on the test thread")
    void workerFailureReachesTestThread() {
        Workers workers = new Workers();
        workers.start("checker", () -> assertThat(1 + 1).as("arithmetic").isEqualTo(3));
        assertThatThrownBy(workers::joinAll).isInstanceOf(AssertionError.class).hasMessageContaining("arithmetic");
    }

    @Test
    @DisplayName("rethrow the first failure with the others attached")
    void otherFailuresAreSuppressed() {
        Workers workers = new Workers();
        workers.startTogether("failer", 3, i -> {
            throw new IllegalStateException("failure of worker " + i);
        });
        assertThatThrownBy(workers::joinAll)
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("`failer-\\d` threw IllegalStateException: failure of worker \\d")
                .hasCauseInstanceOf(IllegalStateException.class)
                .satisfies(first -> assertThat(first.getSuppressed()).hasSize(2));
    }

    @Test
    @DisplayName("release workers started together at the same moment")
    void startTogetherOverlaps() {
        CyclicBarrier allRunning = new CyclicBarrier(4);
        try (Workers workers = new Workers()) {
            workers.startTogether("runner", 4, i -> allRunning.await(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
            workers.joinAll();
        }
    }

    @Test
    @DisplayName("fail with the stuck worker's name and what it waits for when it does not finish")
    void stuckWorkerIsReported() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Workers workers = new Workers();
        Thread stuck = workers.start("stuck-worker", never::await);
        assertThatThrownBy(() -> workers.joinAll(Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("`stuck-worker` is still running")
                .hasMessageContaining("--- details ---");
        stuck.join(Delays.PATIENCE);
        assertThat(stuck.isAlive()).as("the stuck worker was interrupted and ended").isFalse();
    }
}
