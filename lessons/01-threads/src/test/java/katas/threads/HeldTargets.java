package katas.threads;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Pieces of work (targets, downloads, tasks) that the learner's code runs, each held inside until
 * the test releases it, so that a test can prove they all ran at once, each on a thread of its
 * own, while the learner's call waited for them.
 *
 * <p>The learner's call runs on a test worker, the <em>caller</em>, which calls {@link #callerStarts()}
 * first. A held piece spins (yielding) rather than parking, so that held threads stay RUNNABLE
 * and, once released, race straight on: an {@code ExclusiveSection} further down then sees every
 * one of them arrive. Only a handful of pieces are ever held at once.
 *
 * <p>Code that joins each thread right after starting it is caught without waiting: the caller
 * is then inside {@code Thread.join} while every thread it has started is already held, so no
 * further piece can ever arrive.
 */
final class HeldTargets {

    private final int expected;
    private final String call;
    private final String piece;
    private final Map<String, Thread> threadsByPiece = new ConcurrentHashMap<>();
    private volatile Set<Long> threadsBefore = Set.of();
    private volatile Thread caller;
    private volatile String ranOnCaller;
    private volatile boolean released;

    /**
     * @param expected how many pieces the learner's call must run at once
     * @param call the learner's call, for messages ("Crew.runAll()")
     * @param piece what one piece is called, for messages ("target", "download")
     */
    HeldTargets(int expected, String call, String piece) {
        this.expected = expected;
        this.call = call;
        this.piece = piece;
    }

    /** Marks the running thread as the caller; call it on the caller before the learner's code runs. */
    void callerStarts() {
        Set<Long> ids = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ids.add(thread.threadId());
        }
        threadsBefore = ids;
        caller = Thread.currentThread();
    }

    /** Run by the learner's thread for the piece {@code name}: records the thread, then holds it until released. */
    void hold(String name) {
        Thread self = Thread.currentThread();
        threadsByPiece.put(name, self);
        if (self == caller) {
            if (ranOnCaller == null) {
                ranOnCaller = name;
            }
            return;
        }
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (!released) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("`" + self.getName() + "` was held in " + piece + " " + name
                        + " and never released by the test");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Lets every held piece go on, and every piece still to come pass straight through. */
    void release() {
        released = true;
    }

    /** The thread that ran each piece, by piece name. */
    Map<String, Thread> threadsByPiece() {
        return Map.copyOf(threadsByPiece);
    }

    /**
     * Waits until all expected pieces are held at the same time. Fails at once, with the reason in
     * the learner's terms, if a piece ran on the caller, if the caller returned, or if the caller is
     * joining a thread before it has started all of them.
     */
    void awaitAllHeld(Thread callerThread, Workers workers) {
        boolean settled = poll(() -> threadsByPiece.size() >= expected || ranOnCaller != null
                || !callerThread.isAlive() || joinsBeforeStartingAll(callerThread));
        if (ranOnCaller != null) {
            throw Messages.ranOnCaller(call, piece, ranOnCaller, callerThread);
        }
        if (threadsByPiece.size() >= expected) {
            return;
        }
        if (!callerThread.isAlive()) {
            release();
            workers.joinAll(); // rethrows what the learner's call threw, such as "not written yet"
            throw Messages.returnedEarly(call, piece, threadsByPiece.size(), expected);
        }
        if (!settled) {
            throw Messages.tooFewAtOnce(call, piece, threadsByPiece.size(), expected);
        }
        throw Messages.joinedTooEarly(call, piece, threadsByPiece.size(), expected, threadsByPiece.values());
    }

    /**
     * With every piece held, waits until the caller waits too (in {@code join()}); fails if it
     * returned instead, which means it did not wait for its threads.
     */
    void assertCallerWaits(Thread callerThread) {
        poll(() -> callerThread.getState() != Thread.State.RUNNABLE);
        Thread.State state = callerThread.getState();
        if (state == Thread.State.TERMINATED) {
            throw Messages.returnedWhileRunning(call, piece, expected);
        }
        if (state == Thread.State.RUNNABLE) {
            throw Messages.busyWaiting(call, piece);
        }
    }

    private boolean joinsBeforeStartingAll(Thread callerThread) {
        Thread.State state = callerThread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        boolean inJoin = Arrays.stream(callerThread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals("java.lang.Thread") && frame.getMethodName().equals("join"));
        if (!inJoin || threadsByPiece.values().stream().anyMatch(Thread::isVirtual)) {
            // Virtual threads are not listed below, so pending ones could not be seen: wait instead.
            return false;
        }
        Set<Thread> held = Set.copyOf(threadsByPiece.values());
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != callerThread && !threadsBefore.contains(thread.threadId()) && !held.contains(thread)
                    && thread.isAlive()) {
                return false; // a thread started by the call that has not reached its piece yet
            }
        }
        // Re-check: the caller must still be joining now that we have looked at every thread.
        return callerThread.getState() != Thread.State.RUNNABLE && threadsByPiece.size() < expected
                && Arrays.stream(callerThread.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("join"));
    }

    /** Polls {@code condition} until it holds (true) or the patience runs out (false). */
    static boolean poll(BooleanSupplier condition) {
        try {
            Awaitility.await()
                    .atMost(Delays.PATIENCE)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .pollInSameThread()
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException timeout) {
            return false;
        }
    }

    /** The failures this helper reports, in the learner's terms. */
    private static final class Messages {

        static AssertionError ranOnCaller(String call, String piece, String name, Thread callerThread) {
            return Failures.failure("The " + piece + " " + name + " ran on `" + callerThread.getName()
                            + "`, the thread that called " + call + ", not on a thread of its own.",
                    "call start() on each new thread: start() runs the target on the new thread, while run()"
                            + " just calls it on yours, one after another");
        }

        static AssertionError returnedEarly(String call, String piece, int held, int expected) {
            if (held >= expected) {
                return returnedWhileRunning(call, piece, expected);
            }
            return Failures.failure(call + " returned while only " + held + " of its " + expected + " "
                            + piece + "s had started, so it did not wait for its threads.",
                    "after starting every thread, call join() on each one before returning");
        }

        static AssertionError returnedWhileRunning(String call, String piece, int expected) {
            return Failures.failure(call + " returned while all " + expected + " " + piece
                            + "s were still running: it did not wait for its threads.",
                    "after starting every thread, call join() on each one before returning;"
                            + " without join() the caller goes on before the work is done");
        }

        static AssertionError busyWaiting(String call, String piece) {
            return Failures.failure(call + " kept running while its " + piece + "s were held, instead of waiting"
                            + " for them.",
                    "wait for a thread with join(), which blocks, rather than looping on isAlive()");
        }

        static AssertionError tooFewAtOnce(String call, String piece, int held, int expected) {
            return Failures.failure("Only " + held + " of " + expected + " " + piece + "s were running at once after "
                            + Delays.PATIENCE.toSeconds() + " s; they should all run at the same time.",
                    "start all the threads before waiting for any of them");
        }

        static AssertionError joinedTooEarly(String call, String piece, int held, int expected,
                Collection<Thread> threads) {
            String names = String.join(", ", threads.stream().map(t -> "`" + t.getName() + "`").toList());
            return Failures.failure(call + " was already waiting in join() while only " + held + " of its "
                            + expected + " " + piece + "s had started (on " + names + "): the " + piece
                            + "s ran one after another, not at the same time.",
                    "join() inside the loop that starts the threads waits for each thread before starting the"
                            + " next; start them all in one loop, then join them all in a second loop");
        }
    }
}
