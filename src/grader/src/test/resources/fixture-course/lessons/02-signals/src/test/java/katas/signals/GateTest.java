package katas.signals;

import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Task 1: Gate")
class GateTest {

    @Test
    @DisplayName("lets a waiting thread through once it opens")
    void lets_a_waiting_thread_through() {
        Gate gate = new Gate();
        try (Workers workers = new Workers()) {
            Thread waiter = workers.start("waiter", gate::await);
            Waits.untilBlocked(waiter, "the waiter waits at the closed gate");
            gate.open();
            workers.joinAll();
        }
    }

    @Test
    @DisplayName("does not block once open")
    void does_not_block_once_open() throws InterruptedException {
        Gate gate = new Gate();
        gate.open();
        Waits.returnsPromptly("main", "await() on an open gate", () -> {
            gate.await();
            return null;
        });
    }
}
