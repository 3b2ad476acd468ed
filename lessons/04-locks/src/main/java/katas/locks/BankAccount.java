package katas.locks;

/**
 * An account that several threads withdraw from at once. Its balance must never go below zero.
 *
 * <p>As shipped, {@link #withdraw(int)} checks the balance and then debits it as two separate steps:
 * two threads can both pass the check before either debits (check-then-act).
 */
public final class BankAccount {

    private int balance;

    /** An account holding {@code openingBalance}. */
    public BankAccount(int openingBalance) {
        this.balance = openingBalance;
    }

    /**
     * Takes {@code amount} out if the balance covers it.
     *
     * @return true if the money was taken out, false (and the balance unchanged) if it was not there
     */
    public boolean withdraw(int amount) {
        // TODO: make the check and the debit one atomic step under one lock, so no other withdrawal can run in between.
        if (balance >= amount) {
            balance -= amount;
            return true;
        }
        return false;
    }

    /** The balance now. */
    public int balance() {
        // TODO: read the balance under the same lock as withdraw().
        return balance;
    }
}
