package katas.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:2")
@DisplayName("Task 2: PoolShutdown.stop()")
class PoolShutdownTest {

    private final MadeThreads threads = new MadeThreads("pool-thread");
    /** One thread: task A runs, task B waits in the queue behind it. */
    private final ExecutorService pool = Executors.newFixedThreadPool(1, threads);
    private final Holds holds = new Holds();
    private final Job taskA = new Job("task A");
    private final Job taskB = new Job("task B");

    /** A task the test holds until it lets it go; named, so the tasks stop() hands back can be recognised. */
    private final class Job implements Runnable {
        private final String name;

        Job(String name) {
            this.name = name;
        }

        @Override
        public void run() {
            try {
                holds.hold(name);
            } catch (InterruptedException interrupted) {
                // Recorded by the hold; a task that is interrupted stops, as a well-behaved task does.
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @AfterEach
    void stopThePool() throws InterruptedException {
        holds.releaseAll();
        pool.shutdownNow();
        pool.awaitTermination(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts task A (held, running) and task B (queued behind it). */
    private void startTwoTasks() {
        pool.execute(taskA);
        pool.execute(taskB);
        boolean running = Probes.poll(() -> holds.isHolding(taskA.name));
        assertThat(running).withFailMessage("The test's pool did not start task A.").isTrue();
    }

    @Nested
    @DisplayName("when the tasks finish within the patience")
    class WhenTheTasksFinishInTime {

        @Test
        @DisplayName("waits for the running task and the queued one, interrupts neither, and hands back nothing")
        void waitsForRunningAndQueuedTasks() {
            startTwoTasks();
            AtomicReference<List<Runnable>> leftovers = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread caller = workers.start("caller", () -> leftovers.set(PoolShutdown.stop(pool, Delays.PATIENCE)));
                Probes.poll(() -> Probes.isParked(caller) || !caller.isAlive());
                if (!caller.isAlive()) {
                    workers.joinAll(); // rethrows what stop() threw, such as "not written yet"
                    if (!holds.wasInterrupted(taskA.name)) {
                        throw Failures.failure(Messages.returnedWhileRunning(), Messages.LOOK_AWAIT);
                    }
                } else if (!pool.isShutdown() && !holds.wasInterrupted(taskA.name)) {
                    throw Failures.failure(Messages.waitsWithoutShutdown(), Messages.LOOK_SHUTDOWN);
                }
                holds.release(taskA.name);
                holds.release(taskB.name);
                workers.joinAll();
            }
            assertThat(holds.wasInterrupted(taskA.name))
                    .withFailMessage(Messages.interruptedTooSoon())
                    .isFalse();
            assertThat(holds.finished(taskB.name))
                    .withFailMessage(Messages.droppedTooSoon(leftovers.get()))
                    .isTrue();
            assertThat(leftovers.get())
                    .withFailMessage(() -> Messages.leftoversWhenAllRan(leftovers.get()))
                    .isEmpty();
            assertThat(pool.isTerminated())
                    .withFailMessage(Messages.notTerminated())
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("when a task outstays the patience")
    class WhenATaskOutstaysThePatience {

        @Test
        @DisplayName("interrupts the running task, drops the queued one, and hands it back")
        void interruptsAndDrops() {
            startTwoTasks();
            AtomicReference<List<Runnable>> leftovers = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                // Task A is never released: only an interrupt ends it. The patience passed is short on purpose.
                workers.start("caller", () -> leftovers.set(PoolShutdown.stop(pool, Delays.SHORT)));
                workers.joinAll();
            }
            assertThat(holds.wasInterrupted(taskA.name))
                    .withFailMessage(Messages.neverInterrupted())
                    .isTrue();
            assertThat(leftovers.get())
                    .withFailMessage(() -> Messages.queuedNotHandedBack(leftovers.get()))
                    .containsExactly(taskB);
            assertThat(holds.started(taskB.name))
                    .withFailMessage(Messages.queuedRanAnyway())
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("when the caller is interrupted while it waits")
    class WhenTheCallerIsInterrupted {

        @Test
        @DisplayName("stops the pool at once, interrupting its task, and keeps the caller's interrupt status")
        void stopsAtOnceAndKeepsTheInterrupt() {
            startTwoTasks();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            try (Workers workers = new Workers()) {
                Thread caller = workers.start("caller", () -> {
                    PoolShutdown.stop(pool, Delays.PATIENCE);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                });
                Probes.poll(() -> (pool.isShutdown() && Probes.isParked(caller)) || !caller.isAlive());
                if (!caller.isAlive()) {
                    workers.joinAll(); // rethrows what stop() threw, such as "not written yet"
                    throw Failures.failure(Messages.returnedWhileRunning(), Messages.LOOK_AWAIT);
                }
                caller.interrupt();
                workers.joinAll();
            }
            assertThat(holds.wasInterrupted(taskA.name))
                    .withFailMessage(Messages.interruptNotPassedOn())
                    .isTrue();
            assertThat(stillInterrupted.get())
                    .withFailMessage(Messages.interruptSwallowed())
                    .isTrue();
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String LOOK_AWAIT = "shutdown() only stops new tasks from coming in and returns at once;"
                + " pool.awaitTermination(...) is what waits for the tasks to finish";
        static final String LOOK_SHUTDOWN = "call pool.shutdown() before awaitTermination(): a pool that was never"
                + " shut down never terminates, so awaitTermination() just waits out its timeout";

        static String returnedWhileRunning() {
            return "stop() returned while task A was still running (and task B still queued): it did not wait for them.";
        }

        static String waitsWithoutShutdown() {
            return "stop() is waiting, but the pool was never shut down (isShutdown() is false).";
        }

        static String interruptedTooSoon() {
            return "stop() interrupted task A although the patience had not run out.\nWhat to look at: start with"
                    + " shutdown() and awaitTermination(); shutdownNow() interrupts running tasks, and is only for"
                    + " when the patience is used up.";
        }

        static String droppedTooSoon(List<Runnable> leftovers) {
            return "Task B, queued when stop() was called, never ran (stop() handed back " + leftovers + ").\n"
                    + "What to look at: shutdown() lets queued tasks run; shutdownNow() drops them, so call it only when"
                    + " the patience is used up.";
        }

        static String leftoversWhenAllRan(List<Runnable> leftovers) {
            return "Every task finished in time, so stop() should hand back an empty list, not " + leftovers + ".\n"
                    + "What to look at: return List.of() when awaitTermination() returns true.";
        }

        static String notTerminated() {
            return "stop() returned before the pool had terminated (isTerminated() is false).\nWhat to look at:"
                    + " awaitTermination() returns true once the pool has terminated; wait for it.";
        }

        static String neverInterrupted() {
            return "Task A ran past the patience and stop() returned, yet task A was never interrupted: it is still"
                    + " running.\nWhat to look at: when awaitTermination() returns false, call shutdownNow(), which"
                    + " interrupts running tasks, then wait again.";
        }

        static String queuedNotHandedBack(List<Runnable> leftovers) {
            return "Task B was still queued when the patience ran out: stop() should drop it and hand it back, but it"
                    + " returned " + leftovers + ".\nWhat to look at: shutdownNow() returns the queued tasks it"
                    + " dropped; return that list.";
        }

        static String queuedRanAnyway() {
            return "Task B was started after the patience had run out.\nWhat to look at: shutdownNow() drops the"
                    + " queued tasks; shutdown() alone lets them run.";
        }

        static String interruptNotPassedOn() {
            return "stop()'s caller was interrupted while it waited, but the pool's running task was never"
                    + " interrupted.\nWhat to look at: in catch (InterruptedException e), stop the pool firmly with"
                    + " shutdownNow().";
        }

        static String interruptSwallowed() {
            return "stop() was interrupted while it waited, but returned with the thread's interrupt status cleared, so"
                    + " its caller never learns that someone asked it to stop.\nWhat to look at: catching"
                    + " InterruptedException clears the status; call Thread.currentThread().interrupt() in the catch.";
        }
    }
}
