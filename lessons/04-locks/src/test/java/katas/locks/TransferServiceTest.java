package katas.locks;

import static org.assertj.core.api.Assertions.assertThat;

import katas.testkit.Failures;
import katas.testkit.LockNames;
import katas.testkit.Schedules;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;

@Tag("task:5")
@DisplayName("Task 5: TransferService")
@ExtendWith(FrayTestExtension.class)
class TransferServiceTest {

    private final TransferService service = new TransferService();

    @Test
    @DisplayName("moves money from one account to the other")
    void moves_money() {
        Account a = new Account(1, 100);
        Account b = new Account(2, 100);
        service.transfer(a, b, 30);
        service.transfer(b, a, 5);
        assertThat(a.balance()).as(Messages.MOVES).isEqualTo(75);
        assertThat(b.balance()).as(Messages.MOVES).isEqualTo(125);
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("transfers in opposite directions always finish and conserve the money, in every schedule Fray tries")
    void opposite_transfers_finish_and_conserve_money() {
        Account a = LockNames.name(new Account(1, 100), "the lock of account 1");
        Account b = LockNames.name(new Account(2, 100), "the lock of account 2");
        try (Workers workers = new Workers()) {
            workers.start("transfer-1-to-2", () -> service.transfer(a, b, 10));
            workers.start("transfer-2-to-1", () -> service.transfer(b, a, 20));
            workers.joinAll(); // under Fray it waits without a timeout, so Fray sees and reports a deadlock
        }
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray, and AssertJ makes
        // each run many times slower.
        if (a.balance() + b.balance() != 200 || a.balance() != 110 || b.balance() != 90) {
            throw Failures.failure(String.format(Messages.WRONG_BALANCES, a.balance(), b.balance()), Messages.HOLD_BOTH);
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String MOVES = "after moving 30 from account 1 to account 2 and 5 back, they should hold 75 and 125";
        static final String WRONG_BALANCES = "After 10 went from account 1 to 2 and 20 from 2 to 1, the accounts should"
                + " hold 110 and 90 (200 in all), but they hold %d and %d.";
        static final String HOLD_BOTH = "hold both accounts' locks while you debit and credit.";
    }
}
