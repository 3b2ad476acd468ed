package katas.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("WorkerFailures.runAll()")
class WorkerFailuresTest {

    /** An Error, not an Exception: a task can throw one too (as an assert or a stack overflow does). */
    private static final class DiskOnFireError extends Error {
        DiskOnFireError(String message) {
            super(message);
        }
    }

    @Test
    @DisplayName("runs the tasks at once, waits for them, and returns every exception and error they threw")
    void returnsWhatTheTasksThrew() {
        Throwable refused = new IllegalStateException("task-2: the server refused the upload");
        Throwable onFire = new DiskOnFireError("task-3: the disk is on fire");
        Throwable unreadable = new UncheckedIOException("task-4: the file is unreadable", new IOException("bad sector"));
        List<Throwable> thrown = List.of(refused, onFire, unreadable);

        HeldTargets held = new HeldTargets(4, "WorkerFailures.runAll()", "task");
        List<Runnable> tasks = List.of(
                () -> held.hold("task-1"),
                () -> {
                    held.hold("task-2");
                    throw (RuntimeException) refused;
                },
                () -> {
                    held.hold("task-3");
                    throw (Error) onFire;
                },
                () -> {
                    held.hold("task-4");
                    throw (RuntimeException) unreadable;
                });

        List<Throwable> returned = run(held, tasks);

        List<Throwable> missing = new ArrayList<>(thrown);
        missing.removeIf(expected -> returned.stream().anyMatch(actual -> actual == expected));
        assertThat(missing)
                .withFailMessage(Messages.missing(thrown.size(), tasks.size(), returned, missing))
                .isEmpty();
        assertThat(returned)
                .withFailMessage(Messages.extra(thrown, returned))
                .hasSize(thrown.size());
    }

    @Test
    @DisplayName("returns an empty list when no task fails")
    void returnsNothingWhenAllSucceed() {
        HeldTargets held = new HeldTargets(3, "WorkerFailures.runAll()", "task");
        List<Runnable> tasks = List.of(() -> held.hold("task-1"), () -> held.hold("task-2"), () -> held.hold("task-3"));

        List<Throwable> returned = run(held, tasks);

        assertThat(returned)
                .withFailMessage(Messages.extra(List.of(), returned))
                .isEmpty();
    }

    private static List<Throwable> run(HeldTargets held, List<Runnable> tasks) {
        AtomicReference<List<Throwable>> returned = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> {
                held.callerStarts();
                returned.set(WorkerFailures.runAll(tasks));
            });
            try {
                held.awaitAllHeld(caller, workers);
                held.assertCallerWaits(caller);
            } finally {
                held.release();
            }
            workers.joinAll();
        }
        assertThat(returned.get())
                .withFailMessage("WorkerFailures.runAll() returned null.%nWhat to look at: return an empty list when no task fails.")
                .isNotNull();
        return returned.get();
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static String missing(int threw, int tasks, List<Throwable> returned, List<Throwable> missing) {
            boolean onlyErrorsMissing = !returned.isEmpty() && missing.stream().allMatch(Error.class::isInstance);
            String whatToLookAt = returned.isEmpty()
                    ? "a throwable that escapes run() ends only its own thread (Java prints it as \"Exception in"
                            + " thread ...\"); join() returns normally and never rethrows it. Catch it where it happens:"
                            + " give each thread an UncaughtExceptionHandler that records it"
                    : onlyErrorsMissing
                            ? "a task can throw an Error as well as an Exception; catch (Exception e) lets it through."
                                    + " Catch Throwable, or record failures with an UncaughtExceptionHandler"
                            : "record every throwable that leaves a task, into one thread-safe collection";
            return threw + " of the " + tasks + " tasks threw, but runAll() returned " + returned.size()
                    + " failure(s) " + describe(returned) + "; it lost " + describe(missing) + ".\n"
                    + "What to look at: " + whatToLookAt + ".";
        }

        static String extra(List<Throwable> thrown, List<Throwable> returned) {
            return "The tasks threw " + describe(thrown) + ", but runAll() returned " + describe(returned) + ".\n"
                    + "What to look at: record each throwable once, and only for tasks that failed.";
        }

        private static String describe(List<Throwable> failures) {
            return failures.stream().map(f -> f.getClass().getSimpleName() + "(\"" + f.getMessage() + "\")").toList()
                    .toString();
        }
    }
}
