package katas.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import katas.testkit.Blocking;
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

@Tag("task:3")
@DisplayName("Task 3: Event, Python's threading.Event in Java")
@ExtendWith(FrayTestExtension.class)
class EventTest {

    private final Event event = new Event();

    @Nested
    @DisplayName("on one thread")
    class OnOneThread {

        @Test
        @DisplayName("starts clear; set() raises the flag and clear() lowers it, any number of times")
        void set_and_clear_any_number_of_times() {
            assertThat(event.isSet()).as(Messages.NEW_IS_CLEAR).isFalse();
            for (int round = 1; round <= 3; round++) {
                event.set();
                assertThat(event.isSet()).as(Messages.SET_RAISES).isTrue();
                event.set();
                assertThat(event.isSet()).as(Messages.SET_RAISES).isTrue();
                event.clear();
                assertThat(event.isSet()).as(Messages.CLEAR_LOWERS).isFalse();
            }
        }

        @Test
        @DisplayName("await() and await(timeout) return at once while the flag is up")
        void await_returns_at_once_when_set() {
            event.set();
            promptly("await() on a set event", () -> {
                event.await();
                return true;
            });
            assertThat(promptly("await(" + Waits.inWords(Delays.PATIENCE) + ") on a set event",
                    () -> event.await(Delays.PATIENCE))).withFailMessage(Messages.TIMED_WHEN_SET).isTrue();
        }

        @Test
        @DisplayName("a zero or negative timeout does not wait: await(timeout) returns the flag as it is")
        void zero_and_negative_timeouts_do_not_wait() {
            for (Duration timeout : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
                String call = "await(" + timeout.toMillis() + " ms)";
                assertThat(promptly(call + " on a clear event", () -> event.await(timeout)))
                        .withFailMessage(Messages.noWait(call, false)).isFalse();
                event.set();
                assertThat(promptly(call + " on a set event", () -> event.await(timeout)))
                        .withFailMessage(Messages.noWait(call, true)).isTrue();
                event.clear();
            }
        }

        @Test
        @DisplayName("await(timeout) on an event that stays clear returns false after about the timeout")
        void timed_await_gives_up() {
            long start = System.nanoTime();
            boolean result = promptly("await(" + Waits.inWords(Delays.SHORT) + ") on a clear event",
                    () -> event.await(Delays.SHORT));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(result).withFailMessage(Messages.TIMED_OUT_IS_FALSE).isFalse();
            assertThat(waited).withFailMessage(Messages.gaveUpTooSoon(waited))
                    .isGreaterThanOrEqualTo(Delays.SHORT.dividedBy(2));
        }
    }

    @Nested
    @DisplayName("between threads")
    class BetweenThreads {

        @Test
        @DisplayName("await() and await(timeout) wait while the flag is down, and return once another thread sets it")
        void await_waits_until_set() {
            AtomicBoolean timedResult = new AtomicBoolean();
            try (Workers workers = new Workers()) {
                Thread waiter = Blocking.start(workers, "waiter", event::await);
                Thread timed = Blocking.start(workers, "timed-waiter", () -> timedResult.set(event.await(Delays.PATIENCE)));
                Blocking.waitsInside(waiter, Event.class, "await() on a clear event", Messages.DID_NOT_WAIT,
                        Messages.WAIT_WHILE_CLEAR);
                Blocking.waitsInside(timed, Event.class, "await(timeout) on a clear event", Messages.DID_NOT_WAIT,
                        Messages.WAIT_WHILE_CLEAR);
                event.set();
                Blocking.ends(waiter, Messages.stillWaiting("`waiter`", "set()"), Messages.WAKE_EVERY_WAITER, waiter,
                        timed);
                Blocking.ends(timed, Messages.stillWaiting("`timed-waiter`", "set()"), Messages.WAKE_EVERY_WAITER,
                        timed);
                workers.joinAll();
            }
            assertThat(timedResult.get()).withFailMessage(Messages.TIMED_SET_DURING_WAIT).isTrue();
        }

        @Test
        @DisplayName("set() wakes every waiting thread, not just one")
        void set_wakes_every_waiter() {
            try (Workers workers = new Workers()) {
                List<Thread> waiters = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    waiters.add(Blocking.start(workers, "waiter-" + i, event::await));
                }
                for (Thread waiter : waiters) {
                    Blocking.waitsInside(waiter, Event.class, "await() on a clear event", Messages.DID_NOT_WAIT,
                            Messages.WAIT_WHILE_CLEAR);
                }
                event.set();
                for (Thread waiter : waiters) {
                    Blocking.ends(waiter, () -> Messages.stillWaiting(alive(waiters), "set()"),
                            Messages.WAKE_EVERY_WAITER, () -> waiters);
                }
                workers.joinAll();
            }
        }

        @Test
        @DisplayName("a set() followed at once by clear() still wakes the waiters: await(timeout) returns true")
        void set_then_clear_still_wakes_the_waiters() {
            AtomicReference<Boolean> timedResult = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread waiter = Blocking.start(workers, "waiter", event::await);
                Thread timed = Blocking.start(workers, "timed-waiter", () -> timedResult.set(event.await(Delays.PATIENCE
                        .multipliedBy(2))));
                Blocking.waitsInside(waiter, Event.class, "await() on a clear event", Messages.DID_NOT_WAIT,
                        Messages.WAIT_WHILE_CLEAR);
                Blocking.waitsInside(timed, Event.class, "await(timeout) on a clear event", Messages.DID_NOT_WAIT,
                        Messages.WAIT_WHILE_CLEAR);
                // Holding the event's own locks, so the woken waiters can run only once the flag is down again.
                whileHoldingTheLocksOf(event, () -> {
                    event.set();
                    event.clear();
                });
                Blocking.ends(waiter, Messages.missedSetThenClear("`waiter`"), Messages.COUNT_THE_SETS, waiter, timed);
                Blocking.ends(timed, Messages.missedSetThenClear("`timed-waiter`"), Messages.COUNT_THE_SETS, timed);
                workers.joinAll();
            }
            assertThat(timedResult.get()).withFailMessage(Messages.TIMED_SET_THEN_CLEAR).isTrue();
            assertThat(event.isSet()).as(Messages.CLEAR_LOWERS).isFalse();
        }

        @Test
        @DisplayName("after clear(), await() waits again until the next set(), round after round")
        void waits_again_after_clear() {
            try (Workers workers = new Workers()) {
                for (int round = 1; round <= 3; round++) {
                    Thread waiter = Blocking.start(workers, "waiter-round-" + round, event::await);
                    Blocking.waitsInside(waiter, Event.class, "await() on a cleared event",
                            round == 1 ? Messages.DID_NOT_WAIT : Messages.didNotWaitAfterClear(round),
                            Messages.WAIT_WHILE_CLEAR);
                    event.set();
                    Blocking.ends(waiter, Messages.stillWaiting("`" + waiter.getName() + "`", "set()"),
                            Messages.WAKE_EVERY_WAITER, waiter);
                    event.clear();
                }
                workers.joinAll();
            }
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("two waiters and a set(): both wake, in every schedule Fray tries")
    void no_waiter_misses_the_set_in_any_schedule() {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray.
        Event shared = new Event();
        AtomicInteger woken = new AtomicInteger();
        try (Workers workers = new Workers()) {
            workers.start("waiter-1", () -> {
                shared.await();
                woken.incrementAndGet();
            });
            workers.start("waiter-2", () -> {
                shared.await();
                woken.incrementAndGet();
            });
            shared.set();
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a waiter that never wakes
        }
        Failures.expect(woken.get() == 2 && shared.isSet(), Messages.wokenAfterSet(woken.get()),
                Messages.CHECK_UNDER_THE_LOCK);
    }

    /** Runs {@code call} on a worker and returns its result, failing if it does not return within the patience. */
    private static <T> T promptly(String call, Callable<T> body) {
        AtomicReference<T> result = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = Blocking.start(workers, "caller", () -> result.set(body.call()));
            Blocking.ends(caller, Messages.didNotReturn(call), Messages.NEVER_WAIT_ZERO, caller);
            workers.joinAll();
        }
        return result.get();
    }

    /**
     * Runs {@code action} while this thread holds every lock the event could be built on: its own monitor,
     * the monitor of each of its fields, and each of its fields that is a {@link Lock}. Threads woken inside
     * cannot get back into the event until the action is over.
     */
    private static void whileHoldingTheLocksOf(Event event, Runnable action) {
        List<Object> monitors = new ArrayList<>(List.of(event));
        List<Lock> locks = new ArrayList<>();
        for (Field field : Event.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                continue;
            }
            Object value;
            try {
                field.setAccessible(true);
                value = field.get(event);
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                continue;
            }
            if (value instanceof Lock lock) {
                locks.add(lock);
            } else if (value instanceof ReadWriteLock readWrite) {
                locks.add(readWrite.writeLock());
            } else if (value != null) {
                monitors.add(value);
            }
        }
        locks.forEach(Lock::lock);
        try {
            holdingMonitors(monitors, 0, action);
        } finally {
            locks.reversed().forEach(Lock::unlock);
        }
    }

    private static void holdingMonitors(List<Object> monitors, int from, Runnable action) {
        if (from == monitors.size()) {
            action.run();
            return;
        }
        synchronized (monitors.get(from)) {
            holdingMonitors(monitors, from + 1, action);
        }
    }

    private static String alive(List<Thread> threads) {
        List<String> names = threads.stream().filter(Thread::isAlive).map(t -> "`" + t.getName() + "`").toList();
        return names.isEmpty() ? "a waiter" : String.join(", ", names);
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String NEW_IS_CLEAR = "a new Event should be clear: isSet() false";
        static final String SET_RAISES = "after set(), isSet() should be true (also after a second set())";
        static final String CLEAR_LOWERS = "after clear(), isSet() should be false";
        static final String TIMED_WHEN_SET = "await(timeout) on a set event should return true at once";
        static final String TIMED_OUT_IS_FALSE = "await(timeout) on an event that stays clear should return false once"
                + " the timeout has passed";
        static final String DID_NOT_WAIT = "a waiter returned from await() although the event was clear and nobody had"
                + " set it: it should wait.";
        static final String WAIT_WHILE_CLEAR = "while the flag is down, await() waits (wait() or await() in a while"
                + " loop).";
        static final String WAKE_EVERY_WAITER = "set() must wake every waiting thread: raise the flag, then notifyAll()"
                + " (or signalAll()), under the same lock as the waiters use; notify() wakes only one.";
        static final String TIMED_SET_DURING_WAIT = "await(timeout) should return true when the event is set during the"
                + " wait";
        static final String COUNT_THE_SETS = "a waiter woken by set() may run only after clear() has lowered the flag"
                + " again, so the flag alone cannot tell it that a set() happened. Count the set() calls: a waiter notes"
                + " the count when it starts waiting, and stops waiting once the flag is up OR the count has changed.";
        static final String TIMED_SET_THEN_CLEAR = "await(timeout) should return true when a set() came during the wait,"
                + " even though clear() lowered the flag again before the waiter ran: false means only \"timed out\".";
        static final String NEVER_WAIT_ZERO = "a zero or negative timeout returns the flag at once, without waiting:"
                + " beware, wait(0) means wait forever and wait(-1) throws.";
        static final String CHECK_UNDER_THE_LOCK = "check the flag (and note the count of sets) inside the same"
                + " synchronized block as the wait(): checked before taking the lock, the event can be set between the"
                + " check and the wait(), and the notifyAll() then comes before the waiter waits.";

        static String noWait(String call, boolean flag) {
            return call + " on a " + (flag ? "set" : "clear") + " event should return " + flag + " at once: a zero or"
                    + " negative timeout returns the flag as it is";
        }

        static String didNotReturn(String call) {
            return call + " did not return within " + Waits.inWords(Delays.PATIENCE) + ".";
        }

        static String gaveUpTooSoon(Duration waited) {
            return "await(" + Waits.inWords(Delays.SHORT) + ") on a clear event gave up after only " + waited.toMillis()
                    + " ms: it should wait for the timeout first.";
        }

        static String stillWaiting(String who, String after) {
            return who + " still waited in await() " + Waits.inWords(Delays.PATIENCE) + " after " + after + ".";
        }

        static String missedSetThenClear(String who) {
            return who + " was waiting when the event was set and at once cleared, and it still waited in await() "
                    + Waits.inWords(Delays.PATIENCE) + " later: it missed the set().";
        }

        static String didNotWaitAfterClear(int round) {
            return "in round " + round + ", await() returned at once although the event had been cleared: a set() before"
                    + " the clear() must not let later waiters through.";
        }

        static String wokenAfterSet(int woken) {
            return "2 threads waited for the event and it was set, but " + woken + " of them woke up.";
        }
    }
}
