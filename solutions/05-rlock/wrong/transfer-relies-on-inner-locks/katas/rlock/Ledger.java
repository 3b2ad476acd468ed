package katas.rlock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The books of a small bank: deposits, withdrawals and transfers between accounts, shared by many
 * threads and guarded by one {@link ReentrantLock}.
 *
 * <p>{@link #transfer} is built from the ledger's own {@link #withdraw} and {@link #deposit}: it calls
 * them while it already holds the lock, and they take the same lock again. Python needs an
 * {@code RLock} for that; a Java {@code ReentrantLock} lets its owner in again and counts the holds.
 */
public final class Ledger {

    private final ReentrantLock lock;
    private final Map<String, Long> balances = new HashMap<>();

    /** A ledger with a lock of its own, opening with the given balances. */
    public Ledger(Map<String, Long> openingBalances) {
        this(new ReentrantLock(), openingBalances);
    }

    /** A ledger guarded by {@code lock}; the tests pass their own lock so they can watch it. */
    Ledger(ReentrantLock lock, Map<String, Long> openingBalances) {
        this.lock = lock;
        this.balances.putAll(openingBalances);
    }

    /**
     * Adds {@code amount} to {@code account}.
     *
     * @throws IllegalArgumentException if {@code amount} is not positive
     */
    public void deposit(String account, long amount) {
        // lock() just before try: if it were inside and failed, finally would unlock a lock never taken.
        lock.lock();
        try {
            requirePositive(amount);
            balances.merge(account, amount, Long::sum);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes {@code amount} out of {@code account}.
     *
     * @throws IllegalArgumentException if {@code amount} is not positive
     * @throws IllegalStateException if the balance does not cover it; nothing changes then
     */
    public void withdraw(String account, long amount) {
        lock.lock();
        try {
            // The check and the debit under one hold: no other withdrawal can slip in between them.
            requirePositive(amount);
            long balance = balances.getOrDefault(account, 0L);
            if (balance < amount) {
                throw new IllegalStateException("cannot withdraw " + amount + " from " + account + ": it holds " + balance);
            }
            balances.put(account, balance - amount);
        } finally {
            // Also on the throw: inside transfer() this hold is the second one, and a hold left behind keeps
            // the lock taken after transfer() lets go of its own, for every other thread, for good.
            lock.unlock();
        }
    }

    /**
     * Moves {@code amount} from one account to another as one step: no thread ever sees the money gone
     * from {@code from} and not yet in {@code to}.
     *
     * @throws IllegalStateException if {@code from} does not hold {@code amount}; nothing changes then
     */
    public void transfer(String from, String to, long amount) {
        // MISTAKE: no lock here; withdraw() and deposit() each lock, but the lock is let go between them,
        // so another thread can see the money gone from `from` and not yet in `to`.
        withdraw(from, amount);
        deposit(to, amount);
    }

    /** What {@code account} holds now (0 for an account never used). */
    public long balance(String account) {
        // Under the lock: it sees every change made before the last unlock(), and never a map mid-update.
        lock.lock();
        try {
            return balances.getOrDefault(account, 0L);
        } finally {
            lock.unlock();
        }
    }

    /** The sum of all balances, taken at one moment. */
    public long total() {
        // One hold for the whole sum: no transfer can land between two of the balances it adds.
        lock.lock();
        try {
            long sum = 0;
            for (long balance : balances.values()) {
                sum += balance;
            }
            return sum;
        } finally {
            lock.unlock();
        }
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
    }
}
