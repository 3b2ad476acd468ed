package katas.event;

/**
 * A one-shot start signal for runners: each runner waits in {@link #awaitShot()} until the gun is fired,
 * and a runner that comes after the shot goes at once.
 *
 * <p>It has a classic bug: a runner can miss the shot and wait forever. Fix it, keeping the monitor.
 */
public final class StartingGun {

    private final Object lock = new Object();

    /**
     * Whether the gun has been fired: the state that notifyAll() alone does not keep. Guarded by lock, so
     * reading it and deciding to wait happen in one step that fire() cannot get between.
     */
    private boolean fired;

    /** Waits until the gun has been fired; returns at once if it already has. */
    public void awaitShot() throws InterruptedException {
        // Only a runner that finds the gun not yet fired needs the lock, to wait.
        if (!fired) {
            synchronized (lock) {
                lock.wait();
            }
        }
    }

    /** Fires the gun: every waiting runner goes, and so does every runner that comes later. */
    public void fire() {
        synchronized (lock) {
            fired = true;
            // notifyAll, not notify: every waiting runner must go, not just one of them.
            lock.notifyAll();
        }
    }
}
