package katas.event;

/**
 * A one-shot start signal for runners: each runner waits in {@link #awaitShot()} until the gun is fired,
 * and a runner that comes after the shot goes at once.
 *
 * <p>It has a classic bug: a runner can miss the shot and wait forever. Fix it, keeping the monitor.
 */
public final class StartingGun {

    private final Object lock = new Object();

    /** Waits until the gun has been fired; returns at once if it already has. */
    public void awaitShot() throws InterruptedException {
        synchronized (lock) {
            // TODO: a runner that arrives after fire() waits here forever, since nobody will notify again: wait only while a flag says the gun has not been fired (and check it in a while loop).
            lock.wait();
        }
    }

    /** Fires the gun: every waiting runner goes, and so does every runner that comes later. */
    public void fire() {
        synchronized (lock) {
            // TODO: record the shot in the flag before waking the runners.
            lock.notifyAll();
        }
    }
}
