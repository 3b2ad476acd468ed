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
        // MISTAKE: each step is synchronized on its own, but the lock is let go between them,
        // so two withdrawals can both pass canCover() before either debits.
        if (canCover(amount)) {
            debit(amount);
            return true;
        }
        return false;
    }

    private synchronized boolean canCover(int amount) {
        return balance >= amount;
    }

    private synchronized void debit(int amount) {
        balance -= amount;
    }

    /** The balance now. */
    public synchronized int balance() {
        // The same monitor makes the latest debit visible to the reader.
        return balance;
    }
}
