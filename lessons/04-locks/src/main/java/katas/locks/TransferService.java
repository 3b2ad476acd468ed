package katas.locks;

/**
 * Moves money between accounts. Many transfers run at once, in both directions between the same
 * accounts.
 *
 * <p>As shipped it can deadlock: a transfer from A to B locks A then B, while a transfer from B to
 * A locks B then A, and each can end up holding one account while waiting forever for the other.
 */
public final class TransferService {

    /** Moves {@code amount} from {@code from} to {@code to}, holding both accounts' locks. */
    public void transfer(Account from, Account to, int amount) {
        // TODO: take the two accounts' monitors in one global order (the lower id first), not always from-then-to.
        synchronized (from) {
            synchronized (to) {
                from.debit(amount);
                to.credit(amount);
            }
        }
    }
}
