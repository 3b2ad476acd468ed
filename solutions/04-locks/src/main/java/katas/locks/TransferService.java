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
        // Every transfer locks the lower id first, whatever its direction. Then no thread can hold the
        // higher-id account while waiting for the lower one, so a cycle of waiting threads cannot form.
        // The id is a stable order: it never changes, unlike a balance.
        Account first = from.id() < to.id() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.debit(amount);
                to.credit(amount);
            }
        }
    }
}
