package katas.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Timed checks on the threads of a test that tell "it waits where it should" from "it ended" and "it threw":
 * that a thread waits inside a class of the lesson ({@link #waitsInside}), that it ends ({@link #ends}), what
 * a call threw ({@link #thrownBy}). Threads started with {@link #start} have what they threw remembered, so
 * that a thread which ended early is reported for its real reason, a starter's TODO included.
 */
public final class Blocking {

    /** What each thread started with {@link #start} threw, if it threw. */
    private static final Map<Thread, Throwable> THROWN = new ConcurrentHashMap<>();

    private Blocking() {
    }

    /**
     * Starts a worker like {@link Workers#start}, remembering what it throws, so that a check on the thread
     * can tell "it returned" from "it threw" (a starter method's TODO included).
     */
    public static Thread start(Workers workers, String name, Workers.Task task) {
        return workers.start(name, () -> {
            try {
                task.run();
            } catch (Throwable thrown) {
                THROWN.put(Thread.currentThread(), thrown);
                throw thrown;
            }
        });
    }

    /**
     * Waits until {@code thread} is waiting (not running) with a frame of {@code where} on its stack, which
     * proves it is blocked inside that class; fails with {@code ifEnded} if it ends first, or with a
     * description of where it is after the patience delay.
     */
    public static void waitsInside(Thread thread, Class<?> where, String call, String ifEnded, String whatToLookAt) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                throw endedInstead(thread, call, ifEnded, whatToLookAt);
            }
            if (state != Thread.State.RUNNABLE && state != Thread.State.NEW && isInside(thread, where)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        throw Failures.failure("`" + thread.getName() + "` should be waiting in " + call + ", but after "
                + Delays.PATIENCE.toMillis() / 1000.0 + " s it is " + thread.getState() + ".",
                "a call that cannot go on must wait (await() or wait() in a while loop), not spin",
                HangReport.describe(List.of(thread)), null);
    }

    /**
     * Waits for {@code thread} to end; if it is still running after the patience delay, interrupts it and
     * {@code others} (so that no thread of the test stays stuck) and fails with {@code ifStuck}.
     */
    public static void ends(Thread thread, String ifStuck, String whatToLookAt, Thread... others) {
        ends(thread, () -> ifStuck, whatToLookAt, () -> List.of(others));
    }

    /** The same, with the message and the threads to interrupt worked out only if {@code thread} is stuck. */
    public static void ends(Thread thread, Supplier<String> ifStuck, String whatToLookAt, Supplier<List<Thread>> others) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            String message = ifStuck.get();
            String report = HangReport.capture();
            thread.interrupt();
            others.get().forEach(Thread::interrupt);
            throw Failures.failure(message, whatToLookAt, report, null);
        }
    }

    /**
     * Runs {@code call} on a thread named {@code threadName} and returns the exception it threw, or null if it
     * returned; fails with a hang report if it has not ended within the patience delay.
     */
    public static RuntimeException thrownBy(String threadName, String what, Callable<?> call) {
        try {
            Waits.returnsPromptly(threadName, what, call);
            return null;
        } catch (RuntimeException thrown) {
            if (isTodo(thrown)) {
                throw thrown; // a starter method: the kit reports it as "Not written yet"
            }
            return thrown;
        }
    }

    /** The failure for a thread that ended where it should have waited: what it threw, or {@code ifEnded}. */
    private static Error endedInstead(Thread thread, String call, String ifEnded, String whatToLookAt) {
        Throwable thrown = THROWN.remove(thread);
        if (isTodo(thrown)) {
            throw (UnsupportedOperationException) thrown; // the kit reports it as "Not written yet"
        }
        if (thrown instanceof AssertionError failure) {
            return failure;
        }
        if (thrown != null) {
            return Failures.failure("`" + thread.getName() + "` threw " + thrown + " in " + call + ", where it should"
                    + " have waited.", whatToLookAt, null, thrown);
        }
        return Failures.failure(ifEnded, whatToLookAt);
    }

    /** Whether {@code thrown} is a starter method's {@code UnsupportedOperationException("TODO ...")}. */
    public static boolean isTodo(Throwable thrown) {
        return thrown instanceof UnsupportedOperationException && thrown.getMessage() != null
                && thrown.getMessage().startsWith("TODO");
    }

    /** Whether some frame of {@code thread}'s stack belongs to {@code where}. */
    public static boolean isInside(Thread thread, Class<?> where) {
        return Arrays.stream(thread.getStackTrace()).map(StackTraceElement::getClassName)
                .anyMatch(name -> name.equals(where.getName()) || name.startsWith(where.getName() + "$"));
    }

    /** Whether {@code thread} is waiting or blocked, or has ended: anything but running. */
    public static boolean isStopped(Thread thread) {
        Thread.State state = thread.getState();
        return state != Thread.State.RUNNABLE && state != Thread.State.NEW;
    }
}
