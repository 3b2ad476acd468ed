package katas.condition;

import java.time.Duration;
import java.util.ArrayDeque;
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

    /** One waiting thread's place in the queue; a signal marks it. */
    private static final class Waiter {
        boolean signalled;
    }

    // Everything below is guarded by this monitor, which each method holds only for its own few steps.
    // It is not the lock that callers hold between acquire() and release(): that one is owner + holds.
    private final Object monitor = new Object();
    private Thread owner;
    private int holds;
    // Oldest first. A record per wait (not a counter of signals): a signal can then wake exactly the
    // threads waiting at that moment, oldest first, and a signal with nobody waiting is simply lost.
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    /** Takes the lock, waiting while another thread owns it; the owner takes it again at once. */
    public void acquire() throws InterruptedException {
        synchronized (monitor) {
            Thread me = Thread.currentThread();
            // while, not if: a woken thread looks again; another may have taken the lock first.
            while (owner != null && owner != me) {
                monitor.wait();
            }
            owner = me;
            holds++;
        }
    }

    /**
     * Gives back one hold; the last one frees the lock.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public void release() {
        synchronized (monitor) {
            requireOwner("release()");
            holds--;
            if (holds == 0) {
                owner = null;
                // Threads wait on the one monitor for the lock and for signals: wake them all, and each looks
                // at what it waits for (the owner, or its own record) in its while loop.
                monitor.notifyAll();
            }
        }
    }

    /**
     * Waits until signalled: gives back every hold of the lock, waits, then takes the lock back with the
     * same number of holds.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public void await() throws InterruptedException {
        awaitNanos(-1);
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
        return awaitNanos(nanosOf(timeout));
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
        long nanos = timeout == null ? -1 : nanosOf(timeout);
        synchronized (monitor) {
            requireOwner("awaitUntil()");
        }
        // One deadline for the whole call, fixed before the first wait: a wake-up that finds the predicate
        // still false waits only for what is left, so repeated signals cannot stretch the wait forever.
        long deadline = System.nanoTime() + nanos;
        // The predicate first: if it already holds, there is nothing to wait for (and no signal will come).
        boolean result = predicate.getAsBoolean();
        while (!result) {
            if (timeout != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                awaitNanos(left);
            } else {
                awaitNanos(-1);
            }
            // Look again after every wake-up, the last one too: a wait that timed out may still find the
            // predicate true, and the caller gets the predicate's value, not the wait's.
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /**
     * Python's {@code notify(n)}: wakes the {@code n} threads that have waited longest (all of them if
     * fewer wait; nobody if none waits).
     *
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public void signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot signal a negative number of threads: " + n);
        }
        synchronized (monitor) {
            requireOwner("signal()");
            // Oldest first, and only the records queued now: at most n of them.
            for (int woken = 0; woken < n && !waiters.isEmpty(); woken++) {
                waiters.pollFirst().signalled = true;
            }
            // The woken threads still need the lock, which this thread owns: they go on only after it
            // releases. notifyAll() because waiters for the lock and for signals share the monitor.
            monitor.notifyAll();
        }
    }

    /**
     * Python's {@code notify_all()}: wakes every thread waiting now.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /** Waits for a signal at most {@code nanos} (negative: no limit); true if signalled. */
    private boolean awaitNanos(long nanos) throws InterruptedException {
        synchronized (monitor) {
            requireOwner("await()");
            Thread me = Thread.currentThread();
            // Queue first, then give back every hold, both under the monitor: no signal can fall in between.
            Waiter waiter = new Waiter();
            waiters.addLast(waiter);
            // MISTAKE: gives back one hold, like a single release(): a thread that acquired twice keeps the
            // lock while it waits, so nobody else can take it to signal.
            int savedHolds = 1;
            holds--;
            if (holds == 0) {
                owner = null;
                monitor.notifyAll();
            }
            InterruptedException interrupted = null;
            long deadline = System.nanoTime() + nanos;
            try {
                // while, not if: notifyAll() also wakes this thread for releases and other threads' signals.
                while (!waiter.signalled) {
                    if (nanos < 0) {
                        monitor.wait();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        monitor.wait(Math.max(1, Duration.ofNanos(left).toMillis()));
                    }
                }
            } catch (InterruptedException e) {
                interrupted = e;
            }
            if (!waiter.signalled) {
                waiters.remove(waiter); // timed out or interrupted: a later signal must go to someone else
            } else if (interrupted != null) {
                // The signal came first: keep it (return normally), and keep the interrupt for the caller.
                Thread.currentThread().interrupt();
                interrupted = null;
            }
            // Take the lock back, with every hold, whatever happened: the caller left it held, and its
            // finally { release(); } must still find it so. While the signaller owns it, this waits.
            boolean interruptedAgain = false;
            while (owner != null && owner != me) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interruptedAgain = true;
                }
            }
            owner = me;
            holds += savedHolds;
            if (interrupted != null) {
                throw interrupted;
            }
            if (interruptedAgain) {
                Thread.currentThread().interrupt();
            }
            return waiter.signalled;
        }
    }

    private void requireOwner(String call) {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException(call + " by " + Thread.currentThread().getName()
                    + ", which does not own the lock");
        }
    }

    private static long nanosOf(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        // Saturate: a timeout of centuries is as good as Long.MAX_VALUE nanoseconds.
        return timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE / 2)) > 0 ? Long.MAX_VALUE / 2 : timeout.toNanos();
    }
}
