package katas.pools;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import katas.testkit.Delays;

/**
 * Pieces of work (downloads, tasks) that the learner's pool runs, each held until the test
 * releases it by name, so a test decides what is running at any moment and in what order things
 * finish. Nothing here sleeps: a held thread parks until it is released or interrupted.
 *
 * <p>An interrupt is recorded before the thread's interrupt status is cleared, so at every moment
 * {@link #wasInterrupted} (which looks at the status first, then the record) tells the truth.
 */
final class Holds {

    /** One named hold: open or not, and the thread parked on it. */
    private static final class Gate {
        volatile boolean open;
        volatile Thread waiter;
    }

    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private final Set<String> holding = ConcurrentHashMap.newKeySet();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Set<String> interrupted = ConcurrentHashMap.newKeySet();
    private volatile boolean allReleased;

    /**
     * Holds the calling thread as {@code name} until the test releases it.
     *
     * @throws InterruptedException if the thread is interrupted while held (recorded first)
     */
    void hold(String name) throws InterruptedException {
        Thread self = Thread.currentThread();
        threads.put(name, self);
        Gate gate = gates.computeIfAbsent(name, key -> new Gate());
        gate.waiter = self;
        holding.add(name);
        try {
            long deadline = System.nanoTime() + 2 * Delays.PATIENCE.toNanos();
            while (!gate.open && !allReleased) {
                if (self.isInterrupted()) {
                    interrupted.add(name); // recorded while the status is still set: see wasInterrupted()
                    Thread.interrupted();
                    throw new InterruptedException("interrupted while held in " + name);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("`" + self.getName() + "` was held in " + name
                            + " and the test never let it go");
                }
                LockSupport.parkNanos(this, left);
            }
        } finally {
            holding.remove(name);
        }
        finished.add(name);
    }

    /** Lets {@code name} go on (now, or at once when it arrives). */
    void release(String name) {
        Gate gate = gates.computeIfAbsent(name, key -> new Gate());
        gate.open = true;
        Thread waiter = gate.waiter;
        if (waiter != null) {
            LockSupport.unpark(waiter);
        }
    }

    /** Lets every held piece go on, and every piece still to come pass straight through. */
    void releaseAll() {
        allReleased = true;
        for (Gate gate : gates.values()) {
            gate.open = true;
            Thread waiter = gate.waiter;
            if (waiter != null) {
                LockSupport.unpark(waiter);
            }
        }
    }

    /** How many pieces are held right now. */
    int holdingCount() {
        return holding.size();
    }

    /** Whether {@code name} is held right now. */
    boolean isHolding(String name) {
        return holding.contains(name);
    }

    /** The pieces held right now. */
    Set<String> holding() {
        return Set.copyOf(holding);
    }

    /** Whether {@code name} was started at all. */
    boolean started(String name) {
        return threads.containsKey(name);
    }

    /** Whether {@code name} was released and went on normally. */
    boolean finished(String name) {
        return finished.contains(name);
    }

    /** The thread that ran {@code name}, if it started. */
    Optional<Thread> threadOf(String name) {
        return Optional.ofNullable(threads.get(name));
    }

    /** Whether the thread running {@code name} has been interrupted while held (even if it has not noticed yet). */
    boolean wasInterrupted(String name) {
        Thread thread = threads.get(name);
        if (thread != null && holding.contains(name) && thread.isInterrupted()) {
            return true;
        }
        return interrupted.contains(name);
    }
}
