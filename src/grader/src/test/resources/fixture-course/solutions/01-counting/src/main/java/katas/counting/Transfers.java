package katas.counting;

/** Moves money between accounts, holding both accounts' locks. */
public class Transfers {

    public void transfer(Account from, Account to, int amount) {
        // Lower id first: every thread takes the two locks in the same order, so no cycle can form.
        Account first = from.id() < to.id() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.add(-amount);
                to.add(amount);
            }
        }
    }
}
