package katas.barrier;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;

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
     * One round of the barrier. Each waiter keeps a reference to the round it joined and waits for THAT round
     * to be released or broken: a count alone would not do, because the last arrival starts the next round (and
     * a fast thread may already have arrived in it) before the waiters of this one get to run.
     */
    private static final class Round {
        boolean released;
        boolean broken;
    }

    private final int parties;
    private final Runnable action;
    private final Duration defaultTimeout;
    // Guarded by this object's monitor: the current round and how many threads have arrived in it.
    private Round round = new Round();
    private int arrived;

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
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least 1 party, not " + parties);
        }
        if (defaultTimeout != null && defaultTimeout.isNegative()) {
            throw new IllegalArgumentException("the default timeout must not be negative: " + defaultTimeout);
        }
        this.parties = parties;
        this.action = action;
        this.defaultTimeout = defaultTimeout;
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
        return await(null);
    }

    /**
     * Like {@link #await()}, but waits at most {@code timeout} ({@code null}: the default timeout). A timeout
     * breaks the barrier: every waiter of the round, this one included, gets {@link BrokenBarrierException}.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public synchronized int await(Duration timeout) throws InterruptedException, BrokenBarrierException {
        Duration limit = timeout != null ? timeout : defaultTimeout;
        if (limit != null && limit.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + limit);
        }
        Round mine = round;
        if (mine.broken) {
            throw new BrokenBarrierException();
        }
        // Python's numbering: the index counts arrivals up from 0 (CyclicBarrier counts down to 0).
        int index = arrived++;
        if (index == parties - 1) {
            // The last arrival runs the action while it still holds the monitor and before it wakes anyone:
            // no waiter can leave await() until the action is done.
            if (action != null) {
                try {
                    action.run();
                } catch (RuntimeException | Error failed) {
                    breakRound(); // Python: a failing action breaks the barrier; this thread gets the exception
                    throw failed;
                }
            }
            mine.released = true;
            round = new Round(); // the next round starts empty; the waiters of this one still hold `mine`
            arrived = 0;
            notifyAll(); // every waiter must wake, not one: notify() would leave the others waiting forever
            return index;
        }
        long allowed = limit == null ? 0 : saturatedNanos(limit);
        long start = System.nanoTime();
        // while, not if: wait() may return without a reason (a spurious wake-up) or for another round's news.
        // MISTAKE: waits for the count of arrivals to reach parties, but the last arrival resets it to 0 when it
        // releases the round, so the waiters never see it full and wait forever.
        while (arrived < parties && !mine.broken) {
            try {
                if (limit == null) {
                    wait();
                } else {
                    long left = allowed - (System.nanoTime() - start);
                    if (left <= 0) {
                        // Python: a timeout breaks the barrier for the whole round, the timed-out thread included.
                        breakRound();
                        throw new BrokenBarrierException();
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException interrupted) {
                if (mine.released) {
                    // The round completed anyway: return normally, keeping the interrupt for the caller to see.
                    Thread.currentThread().interrupt();
                    return index;
                }
                if (!mine.broken) {
                    breakRound(); // a waiter that leaves early must not leave the others waiting for it forever
                }
                throw interrupted;
            }
        }
        if (mine.released) {
            return index;
        }
        throw new BrokenBarrierException();
    }

    /** Breaks the barrier: the waiting threads and every later await() get BrokenBarrierException until reset(). */
    public synchronized void abort() {
        breakRound();
    }

    /**
     * Makes the barrier usable again with an empty round. The threads waiting in the round it replaces get
     * BrokenBarrierException.
     */
    public synchronized void reset() {
        // Break the old round for whoever waits in it, then start a fresh one for everybody else.
        breakRound();
        round = new Round();
        arrived = 0;
    }

    /** How many threads this barrier waits for in each round. */
    public int parties() {
        return parties;
    }

    /** How many threads are waiting in the current round right now (0 while the barrier is broken). */
    public synchronized int waiting() {
        return round.broken ? 0 : arrived;
    }

    /** Whether the barrier is broken. */
    public synchronized boolean isBroken() {
        return round.broken;
    }

    /** Marks the current round broken (it stays so until reset()) and wakes its waiters. Call it holding the monitor. */
    private void breakRound() {
        round.broken = true;
        arrived = 0;
        notifyAll();
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException huge) {
            return Long.MAX_VALUE;
        }
    }
}
