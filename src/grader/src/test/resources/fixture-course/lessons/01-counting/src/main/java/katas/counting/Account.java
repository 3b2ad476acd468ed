package katas.counting;

/** A bank account with an id; its monitor guards its balance. */
public final class Account {

    private final int id;
    private int balance;

    public Account(int id, int balance) {
        this.id = id;
        this.balance = balance;
    }

    public int id() {
        return id;
    }

    public synchronized int balance() {
        return balance;
    }

    synchronized void add(int amount) {
        balance += amount;
    }
}
