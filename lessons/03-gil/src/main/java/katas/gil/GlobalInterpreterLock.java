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
        // TODO: queue up (new Waiter(this thread, clock now)), wait while the GIL is held or another waiter is first, then leave the queue and take the GIL (holder, heldSince).
        throw new UnsupportedOperationException("TODO: take the GIL, waiting for the holder and for the threads ahead");
    }

    /**
     * Gives the GIL back and wakes the threads waiting for it.
     *
     * @throws IllegalStateException if the calling thread does not hold the GIL
     */
    synchronized void release() {
        // TODO: only the holder may release; free the GIL and wake every waiting thread.
        throw new UnsupportedOperationException("TODO: free the GIL and wake the threads waiting for it");
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
        // TODO: return false unless the first waiter has waited a whole switch interval; else release() and acquire() again (at the back of the queue), and return true.
        throw new UnsupportedOperationException("TODO: hand the GIL over once the first waiter has waited a switch interval");
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
