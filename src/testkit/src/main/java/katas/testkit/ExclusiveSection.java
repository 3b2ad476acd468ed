package katas.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A critical section that catches missing mutual exclusion itself, the same way on every run.
 *
 * <p>A test hands the learner's code a resource (a list, a ledger, a printer) whose critical
 * operation runs inside {@link #enter(String, Supplier)}. The first thread to enter stays inside
 * until every other contender is either inside too (exclusion is broken: the violation is recorded)
 * or cannot move: blocked taking a lock (the learner's lock, as it should be) or ended. A contender
 * that waits for anything else (a start gate, a latch of the test) is waited for, at most
 * {@link Delays#PATIENCE}. Correct code therefore
 * always passes, and code without the lock always lets a second thread in while the first waits,
 * whatever the scheduler does. The second thread then fails at once with an assertion error, before
 * it touches the data, and {@link #assertNeverShared} fails the test in case that error was swallowed. Contenders are the threads registered with {@link #contender} plus
 * every thread that has entered before.
 */
public final class ExclusiveSection {

    private final String name;
    private final Set<Thread> contenders = ConcurrentHashMap.newKeySet();
    private final Set<Thread> inside = ConcurrentHashMap.newKeySet();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** A section named for messages, such as "contents.add()". */
    public ExclusiveSection(String name) {
        this.name = name;
    }

    /**
     * Declares that the running {@code thread} will try to enter, so the first entrant waits for it
     * to arrive or block. Register threads once they run: a thread not yet started is not waited for.
     */
    public void contender(Thread thread) {
        contenders.add(thread);
    }

    /** Declares the calling thread a contender. */
    public void contender() {
        contender(Thread.currentThread());
    }

    /** Runs {@code operation} inside the section, on behalf of the operation {@code what}. */
    public <T> T enter(String what, Supplier<T> operation) {
        Thread self = Thread.currentThread();
        contenders.add(self);
        inside.add(self);
        try {
            if (inside.size() == 1) {
                holdUntilOthersSettle(self);
            }
            if (inside.size() > 1) {
                // Whoever sees the overlap reports it, and stops here, before touching the data.
                String overlap = describeOverlap(self, what);
                violations.add(overlap);
                throw Failures.failure(overlap, "guard every change of the shared data with one lock that every thread"
                        + " takes");
            }
            return operation.get();
        } finally {
            inside.remove(self);
        }
    }

    /** Runs {@code operation} inside the section. */
    public void enter(String what, Runnable operation) {
        enter(what, () -> {
            operation.run();
            return null;
        });
    }

    /** True when two threads were ever inside at once. */
    public boolean wasViolated() {
        return !violations.isEmpty();
    }

    /** Fails the test if two threads were ever inside at once, explaining in the learner's words. */
    public void assertNeverShared(String whatToLookAt) {
        if (!violations.isEmpty()) {
            throw Failures.failure(violations.get(0), whatToLookAt,
                    violations.size() > 1 ? String.join(System.lineSeparator(), violations) : null, null);
        }
    }

    private String describeOverlap(Thread self, String what) {
        List<String> others = new ArrayList<>();
        for (Thread other : inside) {
            if (other != self) {
                others.add("`" + other.getName() + "`");
            }
        }
        String insiders = others.isEmpty() ? "another thread" : String.join(", ", others);
        return "`" + self.getName() + "` was inside " + name + " (" + what + ") at the same time as " + insiders
                + ": two threads changed the shared data at once.";
    }

    /**
     * Whether {@code thread} cannot reach the section now: it has ended, or it is blocked taking a lock
     * (entering a {@code synchronized} block, or in an exclusive {@code Lock.lock()}). A thread waiting
     * for anything else, such as the start gate it has not left yet, may still arrive.
     */
    private static boolean isSettled(Thread thread) {
        return switch (thread.getState()) {
            case TERMINATED, BLOCKED -> true;
            case WAITING, TIMED_WAITING -> isTakingALock(thread.getStackTrace());
            case NEW, RUNNABLE -> false;
        };
    }

    private static boolean isTakingALock(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String className = frame.getClassName();
            if (className.endsWith("$ConditionObject")) {
                return false; // waiting for a signal, not for a lock
            }
            if (className.startsWith("java.util.concurrent.locks.ReentrantLock")
                    || className.startsWith("java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock")) {
                return true; // lock(), lockInterruptibly(), tryLock(timeout) of an exclusive lock
            }
            if (!className.startsWith("java.") && !className.startsWith("jdk.")) {
                return false; // the first frame outside the JDK: waiting for something other than a lock
            }
        }
        return false;
    }

    private void holdUntilOthersSettle(Thread self) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (inside.size() > 1) {
                return;
            }
            boolean othersSettled = true;
            for (Thread other : contenders) {
                if (other != self && !isSettled(other)) {
                    othersSettled = false;
                    break;
                }
            }
            if (othersSettled) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
