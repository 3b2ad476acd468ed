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
    public synchronized boolean withdraw(int amount) {
        // One lock around both steps: the balance we checked is still the balance when we debit it,
        // because no other withdrawal can enter this monitor in between.
        if (balance >= amount) {
            balance -= amount;
            return true;
        }
        return false;
    }

    /** The balance now. */
    public synchronized int balance() {
        // The same monitor makes the latest debit visible to the reader.
        return balance;
    }
}
