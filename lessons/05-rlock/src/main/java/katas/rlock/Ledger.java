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
        // TODO: guard the change with the ledger's lock: lock() just before try, unlock() in finally.
        requirePositive(amount);
        balances.merge(account, amount, Long::sum);
    }

    /**
     * Takes {@code amount} out of {@code account}.
     *
     * @throws IllegalArgumentException if {@code amount} is not positive
     * @throws IllegalStateException if the balance does not cover it; nothing changes then
     */
    public void withdraw(String account, long amount) {
        // TODO: guard the check and the debit with the ledger's lock, released on every path, the throw included.
        requirePositive(amount);
        long balance = balances.getOrDefault(account, 0L);
        if (balance < amount) {
            throw new IllegalStateException("cannot withdraw " + amount + " from " + account + ": it holds " + balance);
        }
        balances.put(account, balance - amount);
    }

    /**
     * Moves {@code amount} from one account to another as one step: no thread ever sees the money gone
     * from {@code from} and not yet in {@code to}.
     *
     * @throws IllegalStateException if {@code from} does not hold {@code amount}; nothing changes then
     */
    public void transfer(String from, String to, long amount) {
        // TODO: hold the ledger's lock around both calls, so no other thread sees the money in flight.
        withdraw(from, amount);
        deposit(to, amount);
    }

    /** What {@code account} holds now (0 for an account never used). */
    public long balance(String account) {
        // TODO: read under the ledger's lock, so the read sees the latest change.
        return balances.getOrDefault(account, 0L);
    }

    /** The sum of all balances, taken at one moment. */
    public long total() {
        // TODO: add up under the ledger's lock, so no change lands halfway through the sum.
        long sum = 0;
        for (long balance : balances.values()) {
            sum += balance;
        }
        return sum;
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
    }
}
