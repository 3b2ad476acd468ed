package katas.parallel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import katas.testkit.Delays;

/**
 * Finds out, without timing, whether a computation ran on several threads at the same time.
 *
 * <p>The code under test calls the probe back for each piece of its work (a number to test, a range
 * to count, an item to map). One piece is <em>held</em>: its thread waits inside {@link #hold()}
 * until a piece runs on another thread ({@link Verdict#SPLIT}), or until no other thread can come
 * ({@link Verdict#ALONE}). No other thread can come when the fork/join pool that would help (the held
 * thread's own pool, else the common pool) has no queued task, and none of its workers, no thread
 * started since the probe was made, and not the calling thread either, is running. Correct parallel
 * code is held only until a second thread arrives; sequential code is recognised as soon as the pool
 * is seen idle; {@link Verdict#GAVE_UP} means neither happened within {@link Delays#PATIENCE}.
 */
final class SplitProbe {

    /** What the held piece saw. */
    enum Verdict {
        /** Another thread ran a piece while the held one waited: the work was split. */
        SPLIT,
        /** No other thread could run a piece: the work ran on one thread. */
        ALONE,
        /** Neither was seen within the patience delay. */
        GAVE_UP
    }

    private static final long POLL_NANOS = 1_000_000;

    private final Thread caller = Thread.currentThread();
    private final Set<Long> threadsBefore = liveThreadIds();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Set<Thread> companions = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Thread> holder = new AtomicReference<>();
    private volatile Verdict verdict;

    /** Records that the calling thread runs a piece. */
    void ran() {
        threads.add(Thread.currentThread());
    }

    /** Records that the calling thread has done what counts as "another thread was here". */
    void companion() {
        companions.add(Thread.currentThread());
    }

    /** Holds the calling thread if it is the first to ask; returns whether it was held. */
    boolean holdIfFirst() {
        if (holder.compareAndSet(null, Thread.currentThread())) {
            waitForCompanyOrIdle(Thread.currentThread());
            return true;
        }
        return false;
    }

    /** Holds the calling thread until another thread has been a companion, or none can come. */
    void hold() {
        Thread self = Thread.currentThread();
        holder.set(self);
        waitForCompanyOrIdle(self);
    }

    /** What the held piece saw, or {@code null} if no piece was held. */
    Verdict verdict() {
        return verdict;
    }

    /** The thread that called the code under test (the one that made this probe). */
    Thread caller() {
        return caller;
    }

    /** The thread that was held, if any. */
    Thread holder() {
        return holder.get();
    }

    /** Every thread that ran a piece. */
    Set<Thread> threads() {
        return Set.copyOf(threads);
    }

    /** The names of the threads that ran a piece, sorted, for messages. */
    String threadNames() {
        List<String> names = threads.stream().map(t -> "`" + t.getName() + "`").sorted().toList();
        return String.join(", ", names);
    }

    private void waitForCompanyOrIdle(Thread self) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        int idleSightings = 0;
        while (true) {
            if (hasCompany(self)) {
                verdict = Verdict.SPLIT;
                return;
            }
            // Seen idle twice in a row, and still nobody came: nobody can.
            idleSightings = nobodyElseCanCome(self) ? idleSightings + 1 : 0;
            if (idleSightings >= 2 && !hasCompany(self)) {
                verdict = Verdict.ALONE;
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                verdict = Verdict.GAVE_UP;
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private boolean hasCompany(Thread self) {
        for (Thread companion : companions) {
            if (companion != self) {
                return true;
            }
        }
        return false;
    }

    private boolean nobodyElseCanCome(Thread self) {
        ForkJoinPool pool = self instanceof ForkJoinWorkerThread worker ? worker.getPool() : ForkJoinPool.commonPool();
        if (pool.getQueuedTaskCount() > 0 || pool.getQueuedSubmissionCount() > 0) {
            return false; // a piece is waiting to be taken
        }
        if (caller != self && caller.getState() == Thread.State.RUNNABLE) {
            return false; // the caller may be running pieces itself
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread == self || thread.getState() != Thread.State.RUNNABLE) {
                continue;
            }
            boolean poolWorker = thread instanceof ForkJoinWorkerThread worker && worker.getPool() == pool;
            if (poolWorker || !threadsBefore.contains(thread.threadId())) {
                return false; // a worker, or a thread the code under test started, is busy
            }
        }
        return true;
    }

    private static Set<Long> liveThreadIds() {
        Set<Long> ids = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ids.add(thread.threadId());
        }
        return ids;
    }
}
