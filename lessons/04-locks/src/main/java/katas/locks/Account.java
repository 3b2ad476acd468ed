package katas.locks;

/**
 * A bank account with a unique id. Its balance is guarded by the account's own monitor: hold
 * {@code synchronized (account)} while calling {@link #debit(int)}, {@link #credit(int)} or
 * {@link #balance()} from more than one thread.
 *
 * <p>A support class for {@link TransferService}: you do not need to change it.
 */
public final class Account {

    private final int id;
    private int balance;

    /** An account with the unique {@code id}, holding {@code openingBalance}. */
    public Account(int id, int openingBalance) {
        this.id = id;
        this.balance = openingBalance;
    }

    /** The account's unique id; it never changes. */
    public int id() {
        return id;
    }

    /** The balance now. */
    public int balance() {
        return balance;
    }

    /** Takes {@code amount} out of the account. */
    public void debit(int amount) {
        balance -= amount;
    }

    /** Puts {@code amount} into the account. */
    public void credit(int amount) {
        balance += amount;
    }

    @Override
    public String toString() {
        return "account " + id;
    }
}
