package katas.counting;

/** Moves money between accounts, holding both accounts' locks. */
public class Transfers {

    public void transfer(Account from, Account to, int amount) {
        // TODO: take the two locks in an order every thread agrees on.
        synchronized (from) {
            synchronized (to) {
                from.add(-amount);
                to.add(amount);
            }
        }
    }
}
