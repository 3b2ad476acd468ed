package katas.rlock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Boxes in the bins of a small warehouse, shared by the pickers' threads.
 *
 * <p>It was translated line by line from a Python class that guarded every method with
 * {@code with self._lock:} on a {@code threading.Lock()}. The translator picked a one-permit
 * {@link Semaphore}, which is exactly a Python {@code Lock}: no owner, not reentrant. And
 * {@link #move} calls {@link #remove} and {@link #add}, which take the lock again.
 *
 * <p>Every method may wait for the lock; a thread interrupted while it waits gives up with
 * {@link InterruptedException}.
 */
public final class Inventory {

    // A Python Lock in Java: one permit, no owner, not reentrant.
    private final Semaphore lock = new Semaphore(1);
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
        lock.acquire();
        try {
            requirePositive(boxes);
            bins.merge(bin, boxes, Integer::sum);
        } finally {
            lock.release();
        }
    }

    /**
     * Takes {@code boxes} boxes out of {@code bin}.
     *
     * @throws IllegalStateException if the bin holds fewer; nothing changes then
     */
    public void remove(String bin, int boxes) throws InterruptedException {
        lock.acquire();
        try {
            requirePositive(boxes);
            int held = bins.getOrDefault(bin, 0);
            if (held < boxes) {
                throw new IllegalStateException("cannot take " + boxes + " boxes out of " + bin + ": it holds " + held);
            }
            bins.put(bin, held - boxes);
        } finally {
            lock.release();
        }
    }

    /**
     * Moves {@code boxes} boxes from one bin to another as one step: no thread ever sees them gone from
     * {@code from} and not yet in {@code to}.
     *
     * @throws IllegalStateException if {@code from} holds fewer; nothing changes then
     */
    public void move(String from, String to, int boxes) throws InterruptedException {
        lock.acquire();
        try {
            int held = bins.getOrDefault(from, 0);
            if (held < boxes) {
                throw new IllegalStateException("cannot take " + boxes + " boxes out of " + from + ": it holds " + held);
            }
        } finally {
            lock.release();
        }
        // MISTAKE: lets go of the lock before the nested calls. They no longer wait for themselves, but
        // between remove() and add() another thread can take the lock and see the boxes nowhere.
        remove(from, boxes);
        add(to, boxes);
    }

    /** How many boxes {@code bin} holds (0 for a bin never used). */
    public int count(String bin) throws InterruptedException {
        lock.acquire();
        try {
            return bins.getOrDefault(bin, 0);
        } finally {
            lock.release();
        }
    }

    /** How many boxes the warehouse holds in all, counted at one moment. */
    public int total() throws InterruptedException {
        lock.acquire();
        try {
            int sum = 0;
            for (int boxes : bins.values()) {
                sum += boxes;
            }
            return sum;
        } finally {
            lock.release();
        }
    }

    private static void requirePositive(int boxes) {
        if (boxes <= 0) {
            throw new IllegalArgumentException("boxes must be positive: " + boxes);
        }
    }
}
