package katas.gil;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * A global interpreter lock, as in CPython: the one lock that an interpreter thread must hold to
 * execute bytecode, so that at most one thread of an interpreter runs bytecode at any moment.
 *
 * <p>Threads that want the GIL while it is held wait in a queue, and get it in the order they
 * asked. Like CPython's GIL it has a <em>switch interval</em> ({@code sys.setswitchinterval()},
 * 5 ms by default): between two bytecodes, the holder checks whether the first waiting thread has
 * waited for a whole interval, and if so hands the GIL over and queues up behind the others, so
 * that a thread that computes without pause cannot starve anyone.
 *
 * <p>Time comes from {@code clock} (nanoseconds, like {@link System#nanoTime()}), so tests can
 * control it. The state below is guarded by this object's monitor: use {@code synchronized},
 * {@code wait()} and {@code notifyAll()}.
 */
final class GlobalInterpreterLock {

    /** CPython's default switch interval: {@code sys.getswitchinterval()} returns 0.005. */
    static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    /** A thread waiting for the GIL, and the clock when it began to wait. */
    private record Waiter(Thread thread, long since) {
    }

    private final long switchIntervalNanos;
    private final LongSupplier clock;

    /** The thread holding the GIL, or null when it is free. */
    private Thread holder;
    /** The clock when the holder took the GIL. */
    private long heldSince;
    /** The threads waiting for the GIL, in the order they began to wait. */
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

    /** A GIL with CPython's default switch interval, on the system clock. */
    GlobalInterpreterLock() {
        this(DEFAULT_SWITCH_INTERVAL, System::nanoTime);
    }

    /** A GIL with the given switch interval, reading time (in nanoseconds) from {@code clock}. */
    GlobalInterpreterLock(Duration switchInterval, LongSupplier clock) {
        this.switchIntervalNanos = switchInterval.toNanos();
        this.clock = clock;
    }

    /**
     * Takes the GIL: joins the back of the queue, and waits until the GIL is free and this thread is
     * first in the queue. As in CPython, an interrupt does not stop the wait: it is kept (the
     * thread's interrupt flag is set again) for later.
     *
     * @throws IllegalStateException if the calling thread holds the GIL already
     */
    synchronized void acquire() {
        Thread self = Thread.currentThread();
        if (holder == self) {
            throw new IllegalStateException("`" + self.getName() + "` already holds the GIL");
        }
        // Waits while the GIL is held; whichever woken thread gets the monitor first takes it.
        Waiter me = new Waiter(self, clock.getAsLong());
        queue.addLast(me);
        boolean interrupted = false;
        while (holder != null) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.remove(me);
        holder = self;
        heldSince = clock.getAsLong();
        takes++;
        if (interrupted) {
            self.interrupt();
        }
    }

    private long takes;

    /**
     * Gives the GIL back and wakes the threads waiting for it.
     *
     * @throws IllegalStateException if the calling thread does not hold the GIL
     */
    synchronized void release() {
        Thread self = Thread.currentThread();
        if (holder != self) {
            throw new IllegalStateException("`" + self.getName() + "` called release() without holding the GIL"
                    + (holder == null ? "" : " (`" + holder.getName() + "` holds it)"));
        }
        holder = null;
        // notifyAll, not notify: notify() might wake a thread that is not first in the queue, which would go back
        // to waiting, and the first one would never hear that the GIL is free.
        notifyAll();
    }

    /**
     * Called by the holder between two bytecodes. If the first waiting thread has waited for at least
     * the switch interval (counted from the moment it began to wait, or from the moment the holder
     * took the GIL if that was later), hands the GIL over: releases it, and takes it again the way
     * {@link #acquire()} does, behind every thread already waiting. Otherwise returns at once.
     *
     * @return true if the GIL changed hands, false if the holder kept it
     * @throws IllegalStateException if the calling thread does not hold the GIL
     */
    synchronized boolean yieldIfDue() {
        Thread self = Thread.currentThread();
        if (holder != self) {
            throw new IllegalStateException("`" + self.getName() + "` called yieldIfDue() without holding the GIL");
        }
        Waiter first = queue.stream().min(java.util.Comparator.comparingLong(Waiter::since)).orElse(null);
        // Counted from when the first waiter asked, or from when this holder took over if that was later: nobody
        // waits much longer than one interval, and nobody is let in before waiting one.
        if (first == null || clock.getAsLong() - Math.max(heldSince, first.since()) < switchIntervalNanos) {
            return false;
        }
        long takesBefore = takes;
        release();
        // Waits until another thread has taken the GIL, and it is free again, before taking it back.
        while (takes == takesBefore || holder != null) {
            try {
                wait();
            } catch (InterruptedException e) {
                self.interrupt();
            }
        }
        holder = self;
        heldSince = clock.getAsLong();
        takes++;
        return true;
    }

    /** The thread holding the GIL now, or null. */
    synchronized Thread holder() {
        return holder;
    }

    /** How many threads are waiting to take the GIL now. */
    synchronized int waiting() {
        return queue.size();
    }

    /** The switch interval. */
    Duration switchInterval() {
        return Duration.ofNanos(switchIntervalNanos);
    }
}
