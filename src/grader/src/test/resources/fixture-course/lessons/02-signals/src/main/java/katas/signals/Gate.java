package katas.signals;

/** A gate threads wait at until it is opened, once and for all. */
public class Gate {

    public void open() {
        // TODO: open the gate and wake every waiting thread.
        throw new UnsupportedOperationException("TODO: open the gate");
    }

    public void await() throws InterruptedException {
        // TODO: wait while the gate is closed.
        throw new UnsupportedOperationException("TODO: wait for the gate");
    }
}
