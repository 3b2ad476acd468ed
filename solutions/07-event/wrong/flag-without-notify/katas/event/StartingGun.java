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
        synchronized (lock) {
            // A notify reaches only the threads waiting at that moment; a runner that comes later finds the flag
            // set instead. while, not if: wait() may also return without any notify (a spurious wake-up).
            while (!fired) {
                lock.wait();
            }
        }
    }

    /** Fires the gun: every waiting runner goes, and so does every runner that comes later. */
    public void fire() {
        synchronized (lock) {
            fired = true;
        }
    }
}
