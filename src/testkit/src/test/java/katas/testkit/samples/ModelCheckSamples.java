package katas.testkit.samples;

import katas.testkit.ModelCheck;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/** Lincheck models of the sample counters and accounts; run by the kit's own tests, not by Surefire directly. */
public final class ModelCheckSamples {

    private ModelCheckSamples() {
    }

    public static final class PlainCounterModel {
        private final Buggy.PlainCounter counter = new Buggy.PlainCounter();

        @Operation
        public void increment() {
            counter.increment();
        }

        @Operation
        public int get() {
            return counter.get();
        }

        @Test
        void check() {
            ModelCheck.assertLinearizable(getClass(), "Concurrent increments must all count.", "count++ is read-modify-write");
        }
    }

    public static final class SynchronizedCounterModel {
        private final Buggy.SynchronizedCounter counter = new Buggy.SynchronizedCounter();

        @Operation
        public void increment() {
            counter.increment();
        }

        @Operation
        public int get() {
            return counter.get();
        }

        @Test
        void check() {
            ModelCheck.assertLinearizable(getClass(), "Concurrent increments must all count.", "count++ is read-modify-write");
        }
    }

    public static final class RacyAccountModel {
        private final Buggy.RacyAccount account = new Buggy.RacyAccount();

        @Operation
        public boolean withdraw60() {
            return account.withdraw(60);
        }

        @Operation
        public int balance() {
            return account.balance();
        }

        @Test
        void check() {
            ModelCheck.assertLinearizable(getClass(), "Withdrawals must never overdraw.", "check and debit in one locked step");
        }
    }

    public static final class SafeAccountModel {
        private final Buggy.SafeAccount account = new Buggy.SafeAccount();

        @Operation
        public boolean withdraw60() {
            return account.withdraw(60);
        }

        @Operation
        public int balance() {
            return account.balance();
        }

        @Test
        void check() {
            ModelCheck.assertLinearizable(getClass(), "Withdrawals must never overdraw.", "check and debit in one locked step");
        }
    }
}
