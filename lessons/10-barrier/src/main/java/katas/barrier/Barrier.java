package katas.barrier;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;

/**
 * Python's {@code threading.Barrier}, built from Java's own tools: a fixed number of parties each call
 * {@link #await()}, and all of them wait until the last one arrives; then they all go on, and the barrier is
 * ready for the next round.
 *
 * <ul>
 *   <li>{@code await()} returns the arrival index: 0 for the first thread to arrive, {@code parties - 1} for the
 *       last (the opposite of {@code CyclicBarrier}'s numbering).
 *   <li>The action, if any, runs once per round, in the last arriving thread, before anyone is released. If it
 *       throws, that thread gets its exception, and the barrier breaks.
 *   <li>A broken barrier throws {@link BrokenBarrierException} from every {@code await()}, the waiting ones and
 *       any later ones, until {@link #reset()}. A timeout, an interrupted waiter, {@link #abort()} and a failing
 *       action break it.
 * </ul>
 *
 * <p>Build it on {@code synchronized} with {@code wait()}/{@code notifyAll()}, or on a {@code ReentrantLock}
 * with a {@code Condition}. (Not on {@code java.util.concurrent.CyclicBarrier}: that is the point of the
 * exercise.)
 */
public final class Barrier {

    /**
     * A barrier for {@code parties} threads, with no action, that waits for as long as it takes.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        this(parties, null, null);
    }

    /**
     * A barrier for {@code parties} threads that runs {@code action} (if not null) once per round.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties, Runnable action) {
        this(parties, action, null);
    }

    /**
     * A barrier for {@code parties} threads that runs {@code action} (if not null) once per round, where
     * {@link #await()} waits at most {@code defaultTimeout} ({@code null}: for as long as it takes).
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1 or {@code defaultTimeout} is negative
     */
    public Barrier(int parties, Runnable action, Duration defaultTimeout) {
        // TODO: check the arguments and remember them; the barrier starts with an empty, unbroken round.
    }

    /**
     * Waits until all parties have called await() in this round, for at most the default timeout.
     *
     * @return the arrival index: 0 for the first thread of the round, {@code parties() - 1} for the last
     * @throws BrokenBarrierException if the barrier is broken, or breaks while this thread waits (a timeout,
     *     {@link #abort()}, {@link #reset()}, a failing action, an interrupted waiter)
     * @throws InterruptedException if this thread is interrupted while it waits (that breaks the barrier too)
     */
    public int await() throws InterruptedException, BrokenBarrierException {
        // TODO: wait with the default timeout.
        throw new UnsupportedOperationException("TODO: await() waits with the default timeout");
    }

    /**
     * Like {@link #await()}, but waits at most {@code timeout} ({@code null}: the default timeout). A timeout
     * breaks the barrier: every waiter of the round, this one included, gets {@link BrokenBarrierException}.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public int await(Duration timeout) throws InterruptedException, BrokenBarrierException {
        // TODO: take an arrival index; the last arrival runs the action and releases the round, the others wait
        // for their round to be released or broken (or for the timeout, which breaks it).
        throw new UnsupportedOperationException("TODO: await(timeout) waits for every party of the round");
    }

    /** Breaks the barrier: the waiting threads and every later await() get BrokenBarrierException until reset(). */
    public void abort() {
        // TODO: break the barrier and wake the waiting threads.
        throw new UnsupportedOperationException("TODO: abort() breaks the barrier");
    }

    /**
     * Makes the barrier usable again with an empty round. The threads waiting in the round it replaces get
     * BrokenBarrierException.
     */
    public void reset() {
        // TODO: break the current round for its waiters, then start a fresh, unbroken one.
        throw new UnsupportedOperationException("TODO: reset() starts a fresh round");
    }

    /** How many threads this barrier waits for in each round. */
    public int parties() {
        // TODO: say how many parties the barrier has.
        throw new UnsupportedOperationException("TODO: parties() says how many parties there are");
    }

    /** How many threads are waiting in the current round right now (0 while the barrier is broken). */
    public int waiting() {
        // TODO: say how many threads wait in the current round.
        throw new UnsupportedOperationException("TODO: waiting() counts the threads waiting now");
    }

    /** Whether the barrier is broken. */
    public boolean isBroken() {
        // TODO: say whether the barrier is broken.
        throw new UnsupportedOperationException("TODO: isBroken() says whether the barrier is broken");
    }
}
