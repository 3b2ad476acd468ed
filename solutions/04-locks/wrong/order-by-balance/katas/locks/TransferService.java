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
        // MISTAKE: a balance is not a stable order: it changes with every transfer, and two transfers that
        // read equal (or changing) balances can still pick opposite orders.
        Account first = from.balance() <= to.balance() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.debit(amount);
                to.credit(amount);
            }
        }
    }
}
