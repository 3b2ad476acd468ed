package katas.condition;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Python's {@code threading.Condition}, built from Java's lower-level parts: a condition variable
 * over a reentrant lock of its own.
 *
 * <ul>
 *   <li>{@link #acquire()}/{@link #release()} work like Python's {@code RLock}: the owner may acquire
 *       again (one more hold), only the owner may release, and the lock is free at 0 holds.
 *   <li>{@link #await()} is Python's {@code wait()}: the caller must own the lock. It gives back every
 *       hold, waits for a signal, then takes the lock back with as many holds as it had.
 *   <li>{@link #signal(int)} is Python's {@code notify(n)}: it wakes the {@code n} threads that have
 *       waited longest (fewer if fewer wait). A signal with nobody waiting is lost. A woken thread goes
 *       on only once it has the lock again, so never before the signalling thread releases it.
 *   <li>{@link #awaitUntil} is Python's {@code wait_for()}: it checks the predicate first, waits only
 *       while the predicate is false, within one overall deadline, and returns the predicate's last value.
 * </ul>
 *
 * <p>Every method but {@code acquire()} requires the caller to own the lock, and throws
 * {@link IllegalMonitorStateException} otherwise (Python raises {@code RuntimeError}).
 *
 * <p>Build it on {@code synchronized} with {@code wait()}/{@code notifyAll()}: an owner and a count for
 * the lock, and a queue of waiter records, one per waiting thread, that a signal marks. Not by handing
 * the work to a {@code java.util.concurrent} {@code Condition}: that is the point of the exercise.
 */
public final class PyCondition {

    /** Takes the lock, waiting while another thread owns it; the owner takes it again at once. */
    public void acquire() throws InterruptedException {
        // TODO: wait (in a loop) while another thread owns the lock, then make this thread the owner and count one more hold.
        throw new UnsupportedOperationException("TODO: acquire() waits while another thread owns the lock");
    }

    /**
     * Gives back one hold; the last one frees the lock.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public void release() {
        // TODO: refuse a thread that is not the owner; count one hold less; at 0, clear the owner and wake the threads waiting for the lock.
        throw new UnsupportedOperationException("TODO: release() gives back one hold of the owner");
    }

    /**
     * Waits until signalled: gives back every hold of the lock, waits, then takes the lock back with the
     * same number of holds.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public void await() throws InterruptedException {
        // TODO: queue a waiter record, give back every hold, wait until a signal marks the record, then take the lock back at the same depth.
        throw new UnsupportedOperationException("TODO: await() waits for a signal, without the lock");
    }

    /**
     * Like {@link #await()}, but waits at most {@code timeout}; either way it returns with the lock held
     * again, as before.
     *
     * @return true if signalled, false if the timeout passed first
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public boolean await(Duration timeout) throws InterruptedException {
        // TODO: like await(), but leave the queue and return false once the timeout has passed without a signal.
        throw new UnsupportedOperationException("TODO: await(timeout) waits for a signal at most the timeout");
    }

    /**
     * Python's {@code wait_for()}: returns at once if {@code predicate} holds; else waits, and looks
     * again after every wake-up, until it holds or {@code timeout} has passed in all.
     *
     * @param timeout the most to wait in all, across every wake-up; {@code null} means no limit
     * @return the predicate's value when the method returns
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public boolean awaitUntil(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        // TODO: check the predicate first; while it is false, await for what is left of one deadline; return its last value.
        throw new UnsupportedOperationException("TODO: awaitUntil() waits until the predicate holds");
    }

    /**
     * Python's {@code notify(n)}: wakes the {@code n} threads that have waited longest (all of them if
     * fewer wait; nobody if none waits).
     *
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public void signal(int n) {
        // TODO: mark the n oldest waiter records as signalled, take them off the queue, and wake the waiting threads.
        throw new UnsupportedOperationException("TODO: signal(n) wakes the n oldest waiters");
    }

    /**
     * Python's {@code notify_all()}: wakes every thread waiting now.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public void signalAll() {
        // TODO: signal every thread waiting now.
        throw new UnsupportedOperationException("TODO: signalAll() wakes every waiter");
    }
}
