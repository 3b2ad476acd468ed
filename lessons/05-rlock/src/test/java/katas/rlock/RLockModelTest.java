package katas.rlock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Workers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;

/**
 * Random scripts of calls from two threads, A and B, checked step by step against a sequential model
 * of Python's RLock: an owner (nobody, A or B) and a count of its holds.
 *
 * <p>Each thread is a worker of its own that runs the calls it is handed one at a time, so the script
 * decides the order and the verdict never depends on timing. A call that would have to wait (an
 * acquire() of a lock the other thread owns) is never made: the script asks with tryAcquire() instead.
 */
@Tag("task:3")
@Label("Task 3: RLock against a model of owner and count")
class RLockModelTest {

    /** One call of a script: which thread makes it, and what it calls. */
    enum Step {
        A_ACQUIRE, A_TRY, A_TRY_ZERO, A_RELEASE, B_ACQUIRE, B_TRY, B_TRY_ZERO, B_RELEASE;

        String thread() {
            return name().substring(0, 1);
        }

        String call() {
            return switch (name().substring(2)) {
                case "ACQUIRE" -> "acquire()";
                case "TRY" -> "tryAcquire()";
                case "TRY_ZERO" -> "tryAcquire(0 s)";
                default -> "release()";
            };
        }

        @Override
        public String toString() {
            return thread() + ": " + call();
        }
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(24);
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    @Label("every script of acquires and releases from two threads matches the model of owner and count")
    void matches_the_model(@ForAll("scripts") List<Step> script) throws Throwable {
        RLock lock = new RLock();
        String owner = null;
        int holds = 0;
        List<Step> done = new ArrayList<>();
        try (Actor a = new Actor("A"); Actor b = new Actor("B")) {
            for (Step step : script) {
                Actor actor = step.thread().equals("A") ? a : b;
                String me = step.thread();
                boolean mayTake = owner == null || owner.equals(me);
                done.add(step);
                switch (step.call()) {
                    case "release()" -> {
                        Throwable thrown = actor.failureOf(step.call(), () -> {
                            lock.release();
                            return null;
                        });
                        boolean owns = me.equals(owner);
                        Failures.expect(owns ? thrown == null : thrown instanceof IllegalMonitorStateException,
                                Messages.release(done, owns, thrown), Messages.ONLY_OWNER_RELEASES);
                        if (owns && --holds == 0) {
                            owner = null;
                        }
                    }
                    default -> {
                        boolean took;
                        if (step.call().equals("acquire()") && mayTake) {
                            actor.call(step.call(), () -> {
                                lock.acquire();
                                return null;
                            });
                            took = true;
                        } else {
                            took = actor.call(step.call(), step.call().equals("tryAcquire()")
                                    ? lock::tryAcquire : () -> lock.tryAcquire(Duration.ZERO));
                            Failures.expect(took == mayTake, Messages.tried(done, step.call(), took), Messages.WHO_MAY_TAKE);
                        }
                        if (took) {
                            owner = me;
                            holds++;
                        }
                    }
                }
                for (Actor looker : List.of(a, b)) {
                    boolean owns = looker.name().equals(owner);
                    int count = looker.call("holdCount()", lock::holdCount);
                    Failures.expect(count == (owns ? holds : 0), Messages.count(done, looker.name(), count, owns ? holds : 0),
                            Messages.COUNT_IS_THE_OWNERS);
                    boolean held = looker.call("isHeldByCurrentThread()", lock::isHeldByCurrentThread);
                    Failures.expect(held == owns, Messages.held(done, looker.name(), held), Messages.COUNT_IS_THE_OWNERS);
                }
                boolean locked = a.call("isLocked()", lock::isLocked);
                Failures.expect(locked == (owner != null), Messages.locked(done, locked), Messages.FREE_AT_ZERO);
            }
        }
    }

    /**
     * A worker thread that runs the calls it is handed, one at a time, and hands back their results, so a
     * script can act as two threads in turn. A call that does not return within the patience delay fails.
     */
    private static final class Actor implements AutoCloseable {
        private final String name;
        private final Workers workers = new Workers();
        private final BlockingQueue<FutureTask<?>> calls = new LinkedBlockingQueue<>();
        private final FutureTask<Void> stop = new FutureTask<>(() -> null);
        private final Thread thread;

        Actor(String name) {
            this.name = name;
            this.thread = workers.start(name, () -> {
                for (FutureTask<?> call = calls.take(); call != stop; call = calls.take()) {
                    call.run();
                }
            });
        }

        String name() {
            return name;
        }

        /** Runs {@code body} on this actor's thread and returns its result; its exception is rethrown. */
        <T> T call(String what, Callable<T> body) throws Throwable {
            FutureTask<T> task = new FutureTask<>(body);
            calls.add(task);
            try {
                return task.get(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stuck) {
                thread.interrupt();
                throw Failures.failure("Thread " + name + " is still in " + what + " after "
                        + Delays.PATIENCE.toSeconds() + " s, though the script never makes a call that has to wait.",
                        Messages.WHO_MAY_TAKE);
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof UnsupportedOperationException todo && String.valueOf(todo.getMessage()).startsWith("TODO")) {
                    throw Failures.failure("Not written yet: " + todo.getMessage(),
                            "replace the `throw new UnsupportedOperationException(\"TODO ...\")` with your code");
                }
                throw cause;
            }
        }

        /** Runs {@code body} on this actor's thread and returns what it threw, or null. */
        Throwable failureOf(String what, Callable<?> body) throws Throwable {
            try {
                call(what, body);
                return null;
            } catch (AssertionError kataFailure) {
                throw kataFailure;
            } catch (Throwable thrown) {
                return thrown;
            }
        }

        @Override
        public void close() {
            calls.add(stop);
            workers.joinAll();
        }
    }

    /** Every message this kata's model test shows. */
    private static final class Messages {
        static final String ONLY_OWNER_RELEASES = "only the owner may release (any other thread gets"
                + " IllegalMonitorStateException, and nothing changes); each release takes away one hold.";
        static final String WHO_MAY_TAKE = "a thread may take the lock when it is free or already its own (one more"
                + " hold); while another thread owns it, tryAcquire() returns false at once.";
        static final String COUNT_IS_THE_OWNERS = "holdCount() and isHeldByCurrentThread() answer for the calling"
                + " thread: the owner's count for the owner, 0 and false for every other thread.";
        static final String FREE_AT_ZERO = "the lock is locked while it has an owner, and free only once the owner's"
                + " count is back to 0.";

        static String script(List<Step> done) {
            return " after the script " + done + ".";
        }

        static String release(List<Step> done, boolean owns, Throwable thrown) {
            return owns
                    ? "The owner's release() threw " + thrown + script(done)
                    : "A release() by a thread that does not own the lock should throw IllegalMonitorStateException,"
                            + " but it " + (thrown == null ? "returned normally" : "threw " + thrown) + script(done);
        }

        static String tried(List<Step> done, String call, boolean took) {
            return call + " returned " + took + ", but the model of an RLock says " + !took + script(done);
        }

        static String count(List<Step> done, String thread, int count, int expected) {
            return "holdCount() on thread " + thread + " says " + count + ", but the model says " + expected
                    + script(done);
        }

        static String held(List<Step> done, String thread, boolean held) {
            return "isHeldByCurrentThread() on thread " + thread + " says " + held + ", but the model says " + !held
                    + script(done);
        }

        static String locked(List<Step> done, boolean locked) {
            return "isLocked() says " + locked + ", but the model says " + !locked + script(done);
        }
    }
}
