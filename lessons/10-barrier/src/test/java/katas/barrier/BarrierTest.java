package katas.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Schedules;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;

/**
 * Threads arrive at the barrier one at a time, in an order the test controls: each one is started only once the
 * previous one is provably waiting inside await(). So arrival indexes, counts and who breaks what are the same on
 * every run. Fray checks what no ordering can force: that nobody leaves before the action has run.
 */
@Tag("task:3")
@DisplayName("Task 3: Barrier, Python's Barrier in Java")
@ExtendWith(FrayTestExtension.class)
class BarrierTest {

    @Test
    @DisplayName("refuses fewer than 1 party and a negative default timeout, and says how many parties it has")
    void checks_its_arguments() {
        assertThat(catchThrowable(() -> new Barrier(0))).withFailMessage(Messages.NO_PARTIES)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> new Barrier(-1, null))).withFailMessage(Messages.NO_PARTIES)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> new Barrier(2, null, Duration.ofMillis(-1))))
                .withFailMessage(Messages.NEGATIVE_DEFAULT).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Barrier(3).parties()).as(Messages.PARTIES).isEqualTo(3);
    }

    @Nested
    @DisplayName("in one round")
    class OneRound {

        @Test
        @DisplayName("returns arrival indexes 0, 1, 2 in the order the threads arrive (CyclicBarrier counts the other way)")
        void indexes_count_arrivals_up() {
            Barrier barrier = new Barrier(3);
            assertThat(barrier.waiting()).as(Messages.WAITING).isZero();
            try (Workers workers = new Workers()) {
                Party first = Party.start(workers, "first", barrier::await);
                first.waitsInside("await()");
                assertThat(barrier.waiting()).as(Messages.WAITING).isEqualTo(1);
                Party second = Party.start(workers, "second", barrier::await);
                second.waitsInside("await()");
                assertThat(barrier.waiting()).as(Messages.WAITING).isEqualTo(2);
                Party third = Party.start(workers, "third", barrier::await);
                third.endsWithin("await() as the last of 3");
                first.endsWithin("await() after the last party arrived");
                second.endsWithin("await() after the last party arrived");
                workers.joinAll();
                assertThat(List.of(first.index(), second.index(), third.index()))
                        .withFailMessage(Messages.indexes(first, second, third)).containsExactly(0, 1, 2);
            }
            assertThat(barrier.waiting()).as(Messages.WAITING_AFTER).isZero();
            assertThat(barrier.isBroken()).as(Messages.NOT_BROKEN).isFalse();
        }

        @Test
        @DisplayName("runs the action once, in the last thread to arrive")
        void action_runs_once_in_the_last_thread() {
            List<String> ranIn = new java.util.concurrent.CopyOnWriteArrayList<>();
            Barrier barrier = new Barrier(3, () -> ranIn.add(Thread.currentThread().getName()));
            try (Workers workers = new Workers()) {
                Party first = Party.start(workers, "first", barrier::await);
                first.waitsInside("await()");
                Party second = Party.start(workers, "second", barrier::await);
                second.waitsInside("await()");
                Party third = Party.start(workers, "third", barrier::await);
                workers.joinAll();
                first.index();
                second.index();
                third.index();
            }
            assertThat(ranIn).withFailMessage(Messages.actionRanIn(ranIn)).containsExactly("third");
        }

        @Test
        @DisplayName("with one party, await() returns 0 at once and runs the action every time")
        void one_party_never_waits() {
            AtomicInteger actions = new AtomicInteger();
            Barrier barrier = new Barrier(1, actions::incrementAndGet);
            for (int round = 1; round <= 2; round++) {
                int index = Waits.returnsPromptly("alone", "await() on a barrier of 1 party", barrier::await);
                assertThat(index).as(Messages.ONE_PARTY).isZero();
            }
            assertThat(actions.get()).as(Messages.ONE_PARTY_ACTION).isEqualTo(2);
        }

        @Test
        @DisplayName("is reusable: every round hands out 0 and 1 and runs the action once")
        void is_reusable() {
            AtomicInteger actions = new AtomicInteger();
            Barrier barrier = new Barrier(2, actions::incrementAndGet);
            int rounds = 3;
            int[][] indexes = new int[2][rounds];
            try (Workers workers = new Workers()) {
                workers.startTogether("party", 2, party -> {
                    for (int round = 0; round < rounds; round++) {
                        indexes[party][round] = barrier.await();
                    }
                });
                workers.joinAll();
            }
            for (int round = 0; round < rounds; round++) {
                assertThat(List.of(indexes[0][round], indexes[1][round]))
                        .withFailMessage(Messages.roundIndexes(round + 1, indexes[0][round], indexes[1][round]))
                        .containsExactlyInAnyOrder(0, 1);
            }
            assertThat(actions.get()).withFailMessage(Messages.actionsPerRound(rounds, actions.get())).isEqualTo(rounds);
        }
    }

    @Nested
    @DisplayName("when it breaks")
    class WhenItBreaks {

        @Test
        @DisplayName("a failing action: the last thread gets its exception, the others BrokenBarrierException, and it stays broken")
        void failing_action_breaks_it() {
            Barrier barrier = new Barrier(2, () -> {
                throw new IllegalStateException("the action failed");
            });
            try (Workers workers = new Workers()) {
                Party waiter = Party.start(workers, "waiter", barrier::await);
                waiter.waitsInside("await()");
                Party last = Party.start(workers, "last", barrier::await);
                last.endsWithin("await() as the last party, whose action throws");
                waiter.endsWithin("await() after the action failed", Messages.BREAK_WAKES);
                workers.joinAll();
                assertThat(last.thrown()).withFailMessage(Messages.actionFailureTo(last.outcome()))
                        .isInstanceOf(IllegalStateException.class);
                assertThat(waiter.thrown()).withFailMessage(Messages.broken("`waiter`", "the action failed", waiter.outcome()))
                        .isInstanceOf(BrokenBarrierException.class);
            }
            assertThat(barrier.isBroken()).withFailMessage(Messages.STAYS_BROKEN).isTrue();
            assertBrokenForLaterCallers(barrier);
        }

        @Test
        @DisplayName("a timeout breaks it for every waiter of the round, the timed-out thread included")
        void timeout_breaks_it_for_everyone() {
            Barrier barrier = new Barrier(3);
            AtomicReference<Duration> waited = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Party patient = Party.start(workers, "patient", barrier::await);
                patient.waitsInside("await()");
                Party impatient = Party.start(workers, "impatient", () -> {
                    long startedAt = System.nanoTime();
                    try {
                        return barrier.await(Delays.SHORT);
                    } finally {
                        waited.set(Duration.ofNanos(System.nanoTime() - startedAt));
                    }
                });
                impatient.endsWithin("await(" + Waits.inWords(Delays.SHORT) + ") with a party missing", Messages.GIVE_UP);
                patient.endsWithin("await() after another waiter of its round timed out", Messages.TIMEOUT_BREAKS);
                workers.joinAll();
                assertThat(impatient.thrown()).withFailMessage(Messages.timedOutGets(impatient.outcome()))
                        .isInstanceOf(BrokenBarrierException.class);
                assertThat(waited.get()).withFailMessage(Messages.gaveUpTooSoon(waited.get()))
                        .isGreaterThanOrEqualTo(Delays.SHORT.dividedBy(2));
                assertThat(patient.thrown()).withFailMessage(Messages.broken("`patient`", "`impatient` timed out",
                        patient.outcome())).isInstanceOf(BrokenBarrierException.class);
            }
            assertThat(barrier.isBroken()).withFailMessage(Messages.STAYS_BROKEN).isTrue();
            assertThat(barrier.waiting()).as(Messages.WAITING_BROKEN).isZero();
        }

        @Test
        @DisplayName("await() uses the default timeout; await(timeout) refuses a negative one")
        void default_timeout_applies() {
            Barrier barrier = new Barrier(2, null, Delays.SHORT);
            assertThat(catchThrowable(() -> barrier.await(Duration.ofMillis(-1)))).withFailMessage(Messages.NEGATIVE_TIMEOUT)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(barrier.waiting()).as(Messages.NEGATIVE_TIMEOUT).isZero();
            assertThat(barrier.isBroken()).as(Messages.NEGATIVE_TIMEOUT).isFalse();
            try (Workers workers = new Workers()) {
                Party alone = Party.start(workers, "alone", barrier::await);
                alone.endsWithin("await() with a default timeout of " + Waits.inWords(Delays.SHORT) + " and a party missing",
                        Messages.GIVE_UP);
                workers.joinAll();
                assertThat(alone.thrown()).withFailMessage(Messages.timedOutGets(alone.outcome()))
                        .isInstanceOf(BrokenBarrierException.class);
            }
            assertThat(barrier.isBroken()).withFailMessage(Messages.STAYS_BROKEN).isTrue();
        }

        @Test
        @DisplayName("abort() breaks it for the waiters and every later caller, until reset()")
        void abort_breaks_it_until_reset() {
            Barrier barrier = new Barrier(2);
            try (Workers workers = new Workers()) {
                Party waiter = Party.start(workers, "waiter", barrier::await);
                waiter.waitsInside("await()");
                barrier.abort();
                waiter.endsWithin("await() after abort()", Messages.BREAK_WAKES);
                workers.joinAll();
                assertThat(waiter.thrown()).withFailMessage(Messages.broken("`waiter`", "abort() was called",
                        waiter.outcome())).isInstanceOf(BrokenBarrierException.class);
            }
            assertThat(barrier.isBroken()).withFailMessage(Messages.ABORT_BREAKS).isTrue();
            assertBrokenForLaterCallers(barrier);
            barrier.reset();
            assertThat(barrier.isBroken()).withFailMessage(Messages.RESET_MENDS).isFalse();
            assertOneFullRound(barrier, "after abort() and reset()");
        }

        @Test
        @DisplayName("reset() with a thread waiting breaks its round, and leaves the barrier usable")
        void reset_breaks_the_waiters_and_mends_the_barrier() {
            Barrier barrier = new Barrier(2);
            try (Workers workers = new Workers()) {
                Party waiter = Party.start(workers, "waiter", barrier::await);
                waiter.waitsInside("await()");
                barrier.reset();
                waiter.endsWithin("await() after reset()", Messages.RESET_BREAKS);
                workers.joinAll();
                assertThat(waiter.thrown()).withFailMessage(Messages.broken("`waiter`", "reset() was called",
                        waiter.outcome())).isInstanceOf(BrokenBarrierException.class);
            }
            assertThat(barrier.isBroken()).withFailMessage(Messages.RESET_MENDS).isFalse();
            assertThat(barrier.waiting()).as(Messages.WAITING_AFTER_RESET).isZero();
            assertOneFullRound(barrier, "after reset()");
        }

        @Test
        @DisplayName("an interrupted waiter throws InterruptedException and breaks the barrier for the others")
        void interrupted_waiter_breaks_it() {
            Barrier barrier = new Barrier(3);
            try (Workers workers = new Workers()) {
                Party staying = Party.start(workers, "staying", barrier::await);
                staying.waitsInside("await()");
                Party interrupted = Party.start(workers, "interrupted", barrier::await);
                interrupted.waitsInside("await()");
                interrupted.thread.interrupt();
                interrupted.endsWithin("await() after an interrupt");
                staying.endsWithin("await() after another waiter was interrupted", Messages.INTERRUPT_BREAKS);
                workers.joinAll();
                assertThat(interrupted.thrown()).withFailMessage(Messages.interruptedGets(interrupted.outcome()))
                        .isInstanceOf(InterruptedException.class);
                assertThat(staying.thrown()).withFailMessage(Messages.broken("`staying`", "`interrupted` was interrupted",
                        staying.outcome())).isInstanceOf(BrokenBarrierException.class);
            }
            assertThat(barrier.isBroken()).withFailMessage(Messages.STAYS_BROKEN).isTrue();
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("releases nobody before the action has run, round after round, in every schedule Fray tries")
    void action_runs_before_anyone_is_released() throws Exception {
        // Plain checks instead of AssertJ here, and few threads: this body runs hundreds of times under Fray. The
        // test thread is one of the two parties.
        AtomicInteger returned = new AtomicInteger();
        int[] actions = new int[1];
        boolean[] early = new boolean[1];
        Barrier barrier = new Barrier(2, () -> {
            actions[0]++;
            if (returned.get() > 2 * (actions[0] - 1)) {
                early[0] = true; // a party of this round has left await() before the action ran
            }
        });
        int[][] indexes = new int[2][2];
        Workers.Task twoRounds = () -> {
            int party = Thread.currentThread().getName().equals("party") ? 1 : 0;
            for (int round = 0; round < 2; round++) {
                indexes[party][round] = barrier.await();
                returned.incrementAndGet();
            }
        };
        try (Workers workers = new Workers()) {
            workers.start("party", twoRounds);
            twoRounds.run();
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a party that is never released
        }
        Failures.expect(!early[0], Messages.RELEASED_EARLY, Messages.ACTION_FIRST);
        Failures.expect(actions[0] == 2, Messages.actionsPerRound(2, actions[0]), Messages.ACTION_FIRST);
        for (int round = 0; round < 2; round++) {
            Failures.expect(indexes[0][round] + indexes[1][round] == 1 && indexes[0][round] * indexes[1][round] == 0,
                    Messages.roundIndexes(round + 1, indexes[0][round], indexes[1][round]), Messages.COUNT_UP);
        }
    }

    /** A later await() on a broken barrier must throw BrokenBarrierException at once. */
    private static void assertBrokenForLaterCallers(Barrier barrier) {
        Throwable later = Waits.returnsPromptly("latecomer", "await() on a broken barrier",
                () -> catchThrowable(barrier::await));
        assertThat(later).withFailMessage(Messages.broken("a later await()", "the barrier is broken", later))
                .isInstanceOf(BrokenBarrierException.class);
    }

    /** Two parties complete a round: indexes 0 and 1. */
    private static void assertOneFullRound(Barrier barrier, String when) {
        try (Workers workers = new Workers()) {
            Party first = Party.start(workers, "first", barrier::await);
            first.waitsInside("await() " + when);
            Party second = Party.start(workers, "second", barrier::await);
            second.endsWithin("await() " + when);
            first.endsWithin("await() " + when);
            workers.joinAll();
            assertThat(List.of(first.outcome(), second.outcome())).withFailMessage(Messages.usableAgain(when, first, second))
                    .containsExactly(0, 1);
        }
    }

    /** A worker that calls await() once and keeps what it returned or threw. */
    private static final class Party {
        final Thread thread;
        private final AtomicReference<Object> outcome;

        private Party(Thread thread, AtomicReference<Object> outcome) {
            this.thread = thread;
            this.outcome = outcome;
        }

        static Party start(Workers workers, String name, Callable<Integer> await) {
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread thread = workers.start(name, () -> {
                try {
                    outcome.set(await.call());
                } catch (Exception | Error e) {
                    outcome.set(e);
                }
            });
            return new Party(thread, outcome);
        }

        /** What await() returned (an Integer) or threw; {@code null} while it runs. */
        Object outcome() {
            Object result = outcome.get();
            if (result instanceof UnsupportedOperationException todo && todo.getMessage() != null
                    && todo.getMessage().startsWith("TODO")) {
                throw todo; // reported as "not written yet"
            }
            return result;
        }

        int index() {
            Object result = outcome();
            if (!(result instanceof Integer index)) {
                throw Failures.failure("`" + thread.getName() + "` should have returned an arrival index from await(),"
                        + " but " + describe(result) + ".", Messages.RELEASE_ALL);
            }
            return index;
        }

        Throwable thrown() {
            return outcome() instanceof Throwable thrown ? thrown : null;
        }

        /**
         * Waits until this party waits inside Barrier for a signal (in {@code wait()} or a Condition's
         * {@code await()}), failing if await() returns instead.
         */
        void waitsInside(String call) {
            long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.State state = thread.getState();
                if (state == Thread.State.TERMINATED) {
                    throw Failures.failure("`" + thread.getName() + "` returned from " + call + " although not every"
                            + " party had arrived: " + describe(outcome()) + ".", Messages.WAIT_FOR_ALL);
                }
                if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                        && waitsForASignalInBarrier(thread.getStackTrace())) {
                    return;
                }
                Thread.onSpinWait();
                Thread.yield();
            }
            Waits.untilBlocked(thread, "Barrier." + call);
        }

        /** Waits for await() to return or throw, failing with what the party is stuck on if it does not. */
        void endsWithin(String call) {
            endsWithin(call, Messages.RELEASE_ALL);
        }

        /** The same, pointing at {@code whatToLookAt} if the party is still waiting. */
        void endsWithin(String call, String whatToLookAt) {
            try {
                thread.join(Delays.PATIENCE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
            }
            if (thread.isAlive()) {
                thread.interrupt();
                throw Failures.failure("`" + thread.getName() + "` is still waiting in " + call + " after "
                        + Waits.inWords(Delays.PATIENCE) + ".", whatToLookAt);
            }
            outcome(); // surfaces a TODO at once
        }

        private static boolean waitsForASignalInBarrier(StackTraceElement[] stack) {
            boolean waiting = false;
            for (StackTraceElement frame : stack) {
                String className = frame.getClassName();
                if ((className.equals("java.lang.Object") && frame.getMethodName().startsWith("wait"))
                        || (className.endsWith("$ConditionObject") && frame.getMethodName().startsWith("await"))) {
                    waiting = true;
                }
                if (className.equals(Barrier.class.getName())) {
                    return waiting;
                }
            }
            return false;
        }

        static String describe(Object outcome) {
            if (outcome == null) {
                return "it has not returned";
            }
            return outcome instanceof Throwable thrown ? "it threw " + thrown : "it returned " + outcome;
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String NO_PARTIES = "a Barrier needs at least 1 party: new Barrier(0) and new Barrier(-1, null)"
                + " should throw IllegalArgumentException (Python raises ValueError).";
        static final String NEGATIVE_DEFAULT = "new Barrier(2, null, -1 ms) should throw IllegalArgumentException: a"
                + " timeout cannot be negative";
        static final String PARTIES = "parties() should say how many parties the barrier was made for";
        static final String WAITING = "waiting() should count the threads waiting in the current round";
        static final String WAITING_AFTER = "once the round is released, nobody is waiting: waiting() should be 0";
        static final String WAITING_BROKEN = "a broken barrier has nobody waiting: waiting() should be 0";
        static final String WAITING_AFTER_RESET = "after reset() the round is empty: waiting() should be 0";
        static final String NOT_BROKEN = "a round that completed normally leaves the barrier unbroken";
        static final String ONE_PARTY = "with one party, every await() is the first and the last arrival: index 0";
        static final String ONE_PARTY_ACTION = "with one party, the action runs at every await()";
        static final String STAYS_BROKEN = "the barrier should be broken now (isBroken() true), and stay so until reset()";
        static final String ABORT_BREAKS = "after abort(), isBroken() should be true";
        static final String RESET_MENDS = "after reset(), the barrier should be usable again: isBroken() false";
        static final String NEGATIVE_TIMEOUT = "await(-1 ms) should throw IllegalArgumentException, and change nothing";
        static final String WAIT_FOR_ALL = "await() must wait (in a while loop) until the last party of its round"
                + " arrives, or the barrier breaks.";
        static final String RELEASE_ALL = "wake EVERY waiter when a round is released or broken (notifyAll() or"
                + " signalAll()), and let each waiter watch ITS round (an object per round, or a generation number):"
                + " the last arrival starts a new round, so a count that it resets to 0 tells the waiters nothing.";
        static final String GIVE_UP = "await(timeout), and await() with a default timeout, must stop waiting once the"
                + " timeout has passed: note the start with System.nanoTime() and wait only for what is left.";
        static final String BREAK_WAKES = "breaking the barrier marks its round broken and wakes every waiter"
                + " (notifyAll()); each waiter that wakes to a broken round throws BrokenBarrierException.";
        static final String TIMEOUT_BREAKS = "when a waiter's time runs out, it must break the barrier for its whole"
                + " round (mark the round broken, notifyAll()) before it throws, or the others wait forever for a party"
                + " that has left.";
        static final String RESET_BREAKS = "reset() must first break the round its waiters wait in (mark that round"
                + " broken, notifyAll()), and only then start a fresh one; a new round alone leaves them waiting in the"
                + " old one forever.";
        static final String INTERRUPT_BREAKS = "an interrupted waiter must break the barrier before it throws"
                + " InterruptedException (catch it around wait(), break, rethrow), or the others wait forever for a party"
                + " that has left.";
        static final String RELEASED_EARLY = "A party left await() before the barrier's action of its round had run.";
        static final String ACTION_FIRST = "the last arrival runs the action first, then releases the round, all while"
                + " holding the barrier's lock; a waiter can only leave once the round is marked released.";
        static final String COUNT_UP = "the arrival index counts up: the first to arrive gets 0, the last parties - 1.";

        static String indexes(Party first, Party second, Party third) {
            return "Threads arriving first, second and third should get indexes 0, 1 and 2 (Python's numbering), but got "
                    + first.outcome() + ", " + second.outcome() + " and " + third.outcome() + "."
                    + "\nWhat to look at: " + COUNT_UP + " CyclicBarrier.await() counts down (parties - 1 for the first);"
                    + " Python's Barrier.wait() counts up.";
        }

        static String actionRanIn(List<String> ranIn) {
            return "The action should run once, in the last thread to arrive (`third`), but it ran in " + ranIn + "."
                    + "\nWhat to look at: the arrival that makes the count reach parties runs the action, before it"
                    + " releases the others.";
        }

        static String roundIndexes(int round, int a, int b) {
            return "Round " + round + " of a barrier of 2 handed out the indexes " + a + " and " + b + " instead of 0 and 1.";
        }

        static String actionsPerRound(int rounds, int actions) {
            return rounds + " rounds should run the action " + rounds + " times (once per round), but it ran " + actions
                    + " times.";
        }

        static String actionFailureTo(Object outcome) {
            return "The last party's action threw IllegalStateException: that thread should get it from await(), but "
                    + Party.describe(outcome) + "."
                    + "\nWhat to look at: run the action in a try; on failure break the barrier, then rethrow.";
        }

        static String broken(String who, String why, Object outcome) {
            return who + " should get BrokenBarrierException because " + why + ", but " + Party.describe(outcome) + "."
                    + "\nWhat to look at: breaking marks the round broken and wakes its waiters (notifyAll()); a"
                    + " waiter that wakes to a broken round throws BrokenBarrierException, and so does every await()"
                    + " until reset().";
        }

        static String timedOutGets(Object outcome) {
            return "A thread whose await() times out should get BrokenBarrierException (as in Python; CyclicBarrier"
                    + " throws TimeoutException), but " + Party.describe(outcome) + "."
                    + "\nWhat to look at: when the time is up, break the barrier for the whole round, then throw.";
        }

        static String gaveUpTooSoon(Duration waited) {
            return "await(" + Waits.inWords(Delays.SHORT) + ") gave up after only " + waited.toMillis()
                    + " ms: it should wait for the timeout first.";
        }

        static String interruptedGets(Object outcome) {
            return "An interrupted waiter should throw InterruptedException, but " + Party.describe(outcome) + ".";
        }

        static String usableAgain(String when, Party first, Party second) {
            return "Two parties arriving " + when + " should complete a round with indexes 0 and 1, but "
                    + "`first` got " + first.outcome() + " and `second` got " + second.outcome() + "."
                    + "\nWhat to look at: reset() must leave a fresh, unbroken, empty round.";
        }
    }
}
