package katas.locks;

import static org.assertj.core.api.Assertions.assertThat;

import katas.testkit.ModelCheck;
import katas.testkit.ModelCheckTest;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("Task 3: BankAccount")
class BankAccountTest {

    /** What Lincheck's model checker runs from two threads (Lincheck builds this class itself, so it is public). */
    public static final class Model {
        private final BankAccount account = new BankAccount(100);

        @Operation
        public boolean withdrawSixty() {
            return account.withdraw(60);
        }

        @Operation
        public boolean withdrawThirty() {
            return account.withdraw(30);
        }

        @Operation
        public int balance() {
            return account.balance();
        }
    }

    @Test
    @DisplayName("pays out what the balance covers, and refuses what it does not")
    void pays_out_what_the_balance_covers() {
        BankAccount account = new BankAccount(100);
        assertThat(account.withdraw(60)).as(Messages.COVERED).isTrue();
        assertThat(account.withdraw(60)).as(Messages.NOT_COVERED).isFalse();
        assertThat(account.balance()).as(Messages.UNCHANGED).isEqualTo(40);
        assertThat(account.withdraw(40)).as(Messages.EXACT).isTrue();
        assertThat(account.balance()).as(Messages.EMPTY).isZero();
    }

    @ModelCheckTest
    @DisplayName("never overdraws, whatever the interleaving of two threads")
    void never_overdraws_in_any_interleaving() {
        ModelCheck.assertLinearizable(Model.class, Messages.NEVER_OVERDRAWN, Messages.CHECK_THEN_ACT);
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String COVERED = "withdraw(60) from 100 should succeed";
        static final String NOT_COVERED = "withdraw(60) from 40 should be refused (return false)";
        static final String UNCHANGED = "a refused withdrawal must leave the balance unchanged";
        static final String EXACT = "withdraw(40) from exactly 40 should succeed";
        static final String EMPTY = "after taking out everything the balance should be 0";
        static final String NEVER_OVERDRAWN = "The balance must never go below zero: two withdrawals of 60 from 100 must"
                + " not both succeed.";
        static final String CHECK_THEN_ACT = "check-then-act: `if (balance >= amount)` and `balance -= amount` must be"
                + " one atomic step. Hold one lock from before the check until after the debit (a synchronized"
                + " withdraw(), or one synchronized block around both); locking the check and the debit separately lets"
                + " another withdrawal in between.";
    }
}
