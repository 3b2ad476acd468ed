package katas.rlock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Boxes in the bins of a small warehouse, shared by the pickers' threads.
 *
 * <p>It was translated line by line from a Python class that guarded every method with
 * {@code with self._lock:} on a {@code threading.Lock()}. The translator picked a one-permit
 * {@link java.util.concurrent.Semaphore}, which is exactly a Python {@code Lock}: no owner, not reentrant. And
 * {@link #move} calls {@link #remove} and {@link #add}, which take the lock again.
 *
 * <p>Every method may wait for the lock; a thread interrupted while it waits gives up with
 * {@link InterruptedException}.
 */
public final class Inventory {

    // A ReentrantLock has an owner and counts its holds: the thread in move() takes it again in remove()
    // and add() without waiting, and other threads get in only when move() gives back its last hold.
    // (The other cure keeps a lock that is not reentrant and moves the work of remove() and add() into
    // private helpers that expect the lock already held; the public methods lock, the helpers never do.)
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Integer> bins = new HashMap<>();

    /** An inventory opening with the given number of boxes per bin. */
    public Inventory(Map<String, Integer> opening) {
        bins.putAll(opening);
    }

    /**
     * Puts {@code boxes} more boxes into {@code bin}.
     *
     * @throws IllegalArgumentException if {@code boxes} is not positive
     */
    public void add(String bin, int boxes) throws InterruptedException {
        // lockInterruptibly() waits like lock(), but, like the semaphore's acquire(), gives up when interrupted.
        lock.lockInterruptibly();
        try {
            requirePositive(boxes);
            bins.merge(bin, boxes, Integer::sum);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes {@code boxes} boxes out of {@code bin}.
     *
     * @throws IllegalStateException if the bin holds fewer; nothing changes then
     */
    public void remove(String bin, int boxes) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            requirePositive(boxes);
            int held = bins.getOrDefault(bin, 0);
            if (held < boxes) {
                throw new IllegalStateException("cannot take " + boxes + " boxes out of " + bin + ": it holds " + held);
            }
            bins.put(bin, held - boxes);
        } finally {
            // Also on the throw: inside move() this is the second hold, and one left behind keeps the lock
            // taken by a thread that has moved on (or ended), so every other thread waits forever.
            lock.unlock();
        }
    }

    /**
     * Moves {@code boxes} boxes from one bin to another as one step: no thread ever sees them gone from
     * {@code from} and not yet in {@code to}.
     *
     * @throws IllegalStateException if {@code from} holds fewer; nothing changes then
     */
    public void move(String from, String to, int boxes) throws InterruptedException {
        // One hold around both calls keeps move() one step; their own lock() calls only count up to 2.
        lock.lockInterruptibly();
        try {
            remove(from, boxes);
            add(to, boxes);
        } finally {
            lock.unlock();
        }
    }

    /** How many boxes {@code bin} holds (0 for a bin never used). */
    public int count(String bin) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            return bins.getOrDefault(bin, 0);
        } finally {
            lock.unlock();
        }
    }

    /** How many boxes the warehouse holds in all, counted at one moment. */
    public int total() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            int sum = 0;
            for (int boxes : bins.values()) {
                sum += boxes;
            }
            return sum;
        } finally {
            lock.unlock();
        }
    }

    private static void requirePositive(int boxes) {
        if (boxes <= 0) {
            throw new IllegalArgumentException("boxes must be positive: " + boxes);
        }
    }
}
