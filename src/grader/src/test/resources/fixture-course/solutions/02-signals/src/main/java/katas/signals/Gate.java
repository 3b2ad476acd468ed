package katas.signals;

/** A gate threads wait at until it is opened, once and for all. */
public class Gate {

    private boolean open;

    public synchronized void open() {
        // notifyAll: every waiting thread must see the gate open, not just one.
        open = true;
        notifyAll();
    }

    public synchronized void await() throws InterruptedException {
        // while, not if: a woken thread checks again.
        while (!open) {
            wait();
        }
    }
}
