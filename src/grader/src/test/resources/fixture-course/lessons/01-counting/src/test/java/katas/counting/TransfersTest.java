package katas.counting;

import static org.assertj.core.api.Assertions.assertThat;

import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:2")
@DisplayName("Task 2: Transfers")
class TransfersTest {

    @Test
    @DisplayName("moves money from one account to the other")
    void moves_money() {
        Account a = new Account(1, 100);
        Account b = new Account(2, 100);
        new Transfers().transfer(a, b, 30);
        assertThat(a.balance()).as("after moving 30 away, account 1 holds 70").isEqualTo(70);
        assertThat(b.balance()).as("after receiving 30, account 2 holds 130").isEqualTo(130);
    }

    @Test
    @Tag("ModelCheck") // stands for a test that explores interleavings itself: the grader runs it once
    @DisplayName("transfers in opposite directions all finish and keep the total")
    void opposite_transfers_finish() {
        Account a = new Account(1, 1_000_000);
        Account b = new Account(2, 1_000_000);
        Transfers transfers = new Transfers();
        try (Workers workers = new Workers()) {
            workers.start("transfer-1-to-2", () -> {
                for (int i = 0; i < 2_000; i++) {
                    transfers.transfer(a, b, 1);
                }
            });
            workers.start("transfer-2-to-1", () -> {
                for (int i = 0; i < 2_000; i++) {
                    transfers.transfer(b, a, 1);
                }
            });
            workers.joinAll();
        }
        assertThat(a.balance() + b.balance()).as("transfers move money, they never make or lose it").isEqualTo(2_000_000);
    }
}
