package katas.gil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

@Tag("task:1")
@DisplayName("Task 1: GlobalInterpreterLock")
@ExtendWith(FrayTestExtension.class)
class GlobalInterpreterLockTest {

    private static final Duration INTERVAL = Duration.ofMillis(5);

    /** The GIL's clock, in nanoseconds: time moves only when a test moves it. */
    private final AtomicLong now = new AtomicLong();
    private final GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL, now::get);

    @Nested
    @DisplayName("as a lock")
    class AsALock {

        @Test
        @DisplayName("is taken at once when free, names its holder, and is free again after release()")
        void takesAFreeGilAndGivesItBack() {
            String problem = Waits.returnsPromptly("holder", "acquire() and release() of a free GIL", () -> {
                Thread self = Thread.currentThread();
                if (gil.holder() != null) {
                    return Messages.NEW_IS_FREE;
                }
                gil.acquire();
                if (gil.holder() != self) {
                    return Messages.holderAfterAcquire(gil.holder());
                }
                gil.release();
                return gil.holder() == null ? null : Messages.RELEASE_FREES;
            });
            if (problem != null) {
                throw Failures.failure(problem, null);
            }
        }

        @Test
        @DisplayName("makes acquire() wait while another thread holds it, counts the waiter, and lets it in once released")
        void acquireWaitsForTheHolder() {
            gil.acquire();
            AtomicBoolean tookIt = new AtomicBoolean();
            try (Workers workers = new Workers()) {
                Thread waiter = workers.start("waiter", () -> {
                    gil.acquire();
                    tookIt.set(gil.holder() == Thread.currentThread());
                });
                waitsInsideTheGil(waiter);
                GilThreads.poll(() -> gil.waiting() == 1);
                assertThat(gil.waiting()).withFailMessage(Messages.countsWaiters(gil.waiting(), 1)).isEqualTo(1);
                gil.release();
                endsAfterRelease(waiter);
                workers.joinAll();
            }
            assertThat(tookIt.get()).withFailMessage(Messages.WAITER_HOLDS).isTrue();
            assertThat(gil.waiting()).withFailMessage(Messages.stillCounted(gil.waiting())).isZero();
        }

        @Test
        @DisplayName("refuses release() by a thread that does not hold it, and a second acquire() by its holder")
        void onlyItsHolderReleasesIt() {
            assertThat(thrownBy(gil::release)).withFailMessage(Messages.RELEASE_OF_FREE)
                    .isInstanceOf(IllegalStateException.class);
            gil.acquire();
            assertThat(thrownBy(gil::acquire)).withFailMessage(Messages.SECOND_ACQUIRE)
                    .isInstanceOf(IllegalStateException.class);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                workers.start("stranger", () -> thrown.set(catchThrowable(gil::release)));
                workers.joinAll();
            }
            assertThat(thrown.get()).withFailMessage(Messages.RELEASE_BY_STRANGER).isInstanceOf(IllegalStateException.class);
            assertThat(gil.holder()).withFailMessage(Messages.RELEASE_BY_STRANGER).isSameAs(Thread.currentThread());
            gil.release();
        }
    }

    @Nested
    @DisplayName("with threads waiting")
    class WithThreadsWaiting {

        @Test
        @DisplayName("lets waiting threads in in the order they began to wait")
        void firstComeFirstServed() {
            List<String> order = new CopyOnWriteArrayList<>();
            gil.acquire();
            try (Workers workers = new Workers()) {
                for (int i = 1; i <= 3; i++) {
                    String name = "waiter-" + i;
                    Thread waiter = workers.start(name, () -> {
                        gil.acquire();
                        order.add(name);
                        gil.release();
                    });
                    waitsInsideTheGil(waiter);
                    int expected = i;
                    GilThreads.poll(() -> gil.waiting() == expected);
                    assertThat(gil.waiting()).withFailMessage(Messages.countsWaiters(gil.waiting(), expected))
                            .isEqualTo(expected);
                }
                gil.release();
                workers.joinAll();
            }
            assertThat(order).withFailMessage(Messages.outOfOrder(order))
                    .containsExactly("waiter-1", "waiter-2", "waiter-3");
        }

        @Test
        @DisplayName("queues a thread that asks again right after releasing behind the threads already waiting")
        void noBargingAheadOfTheQueue() {
            List<String> order = new CopyOnWriteArrayList<>();
            try (Workers workers = new Workers()) {
                Waits.returnsPromptly("holder", "release() and acquire() again with `waiter` waiting", () -> {
                    gil.acquire();
                    Thread waiter = workers.start("waiter", () -> {
                        gil.acquire();
                        order.add("waiter");
                        gil.release();
                    });
                    waitsInsideTheGil(waiter);
                    // Holding the GIL's monitor, nobody can slip in between release() and acquire(): with a queue,
                    // acquire() waits behind `waiter`; without one, the GIL is free and goes straight back to us.
                    synchronized (gil) {
                        gil.release();
                        gil.acquire();
                    }
                    order.add("holder");
                    gil.release();
                    return null;
                });
                workers.joinAll();
            }
            assertThat(order).withFailMessage(Messages.barged(order)).containsExactly("waiter", "holder");
        }
    }

    @Nested
    @DisplayName("with its switch interval")
    class WithItsSwitchInterval {

        @Test
        @DisplayName("keeps the GIL, and returns at once, while no other thread waits, however long the holder has run")
        void keepsTheGilWhileNobodyWaits() {
            Boolean handedOver = Waits.returnsPromptly("holder", "yieldIfDue() with no other thread waiting", () -> {
                gil.acquire();
                now.addAndGet(Duration.ofSeconds(1).toNanos());
                boolean handed = gil.yieldIfDue();
                boolean stillHolds = gil.holder() == Thread.currentThread();
                gil.release();
                return handed || !stillHolds;
            });
            assertThat(handedOver).withFailMessage(Messages.HANDED_TO_NOBODY).isFalse();
        }

        @Test
        @DisplayName("hands the GIL over once a waiting thread has waited one whole switch interval, not before, and"
                + " takes it back after")
        void handsOverAfterOneInterval() {
            AtomicLong waiterRanAt = new AtomicLong(-1);
            try (Workers workers = new Workers()) {
                String problem = Waits.returnsPromptly("holder", "the holder's calls of yieldIfDue()", () -> {
                    gil.acquire();
                    // The holder has computed for a long time before anyone asks: that alone is no reason to switch.
                    now.set(Duration.ofMillis(100).toNanos());
                    Thread waiter = workers.start("waiter", () -> {
                        gil.acquire();
                        waiterRanAt.set(now.get());
                        gil.release();
                    });
                    if (!GilThreads.poll(() -> gil.waiting() == 1 && GilThreads.isWaitingForAGil(waiter))) {
                        return Messages.WAITER_NOT_WAITING;
                    }
                    for (int bytecode = 0; bytecode < 1_000; bytecode++) {
                        if (gil.yieldIfDue() || waiterRanAt.get() >= 0) {
                            return Messages.handedOverTooSoon(0);
                        }
                    }
                    now.addAndGet(INTERVAL.toNanos() - 1);
                    if (gil.yieldIfDue() || waiterRanAt.get() >= 0) {
                        return Messages.handedOverTooSoon(INTERVAL.toNanos() - 1);
                    }
                    now.addAndGet(1);
                    boolean handed = gil.yieldIfDue();
                    if (waiterRanAt.get() < 0) {
                        return Messages.notHandedOver(handed);
                    }
                    if (!handed || gil.holder() != Thread.currentThread()) {
                        return Messages.takesItBack(handed, gil.holder());
                    }
                    gil.release();
                    return null;
                });
                if (problem != null) {
                throw Failures.failure(problem, null);
            }
                workers.joinAll();
            }
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("lets one thread hold it at a time and wakes every waiter, in every schedule Fray tries (3 threads)")
    void oneHolderAtATime() {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray. A clock that never
        // moves, since time plays no part here (and reading the system clock costs under Fray).
        GlobalInterpreterLock shared = new GlobalInterpreterLock(INTERVAL, () -> 0L);
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        try (Workers workers = new Workers()) {
            for (int i = 1; i <= 3; i++) {
                workers.start("thread-" + i, () -> {
                    shared.acquire();
                    if (inside.incrementAndGet() > 1) {
                        overlapped.set(true);
                    }
                    inside.decrementAndGet();
                    try {
                        shared.release();
                    } catch (IllegalStateException notTheHolder) {
                        // Another thread took the GIL while this one held it, and is now its holder: two held it at once.
                        overlapped.set(true);
                    }
                });
            }
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a waiter that is never woken
        }
        Failures.expect(!overlapped.get(), Messages.TWO_HOLDERS, Messages.RECHECK_AFTER_WAIT);
        Failures.expect(shared.holder() == null, Messages.STILL_HELD, Messages.WAKE_WAITERS);
    }

    /** What {@code call} threw, or null; a starter's "TODO" exception is passed on, to be reported as not written yet. */
    private static Throwable thrownBy(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        if (thrown instanceof UnsupportedOperationException todo && String.valueOf(todo.getMessage()).startsWith("TODO")) {
            throw todo;
        }
        return thrown;
    }

    /**
     * Waits until {@code thread} waits inside the GIL, failing if it ends instead (it took a held GIL)
     * or keeps running (it spins instead of waiting).
     */
    private static void waitsInsideTheGil(Thread thread) {
        GilThreads.poll(() -> GilThreads.isWaitingForAGil(thread) || thread.getState() == Thread.State.TERMINATED);
        if (thread.getState() == Thread.State.TERMINATED) {
            throw Failures.failure(Messages.TOOK_A_HELD_GIL, Messages.WAIT_WHILE_HELD);
        }
        Waits.untilBlocked(thread, "acquire() of a GIL that another thread holds");
    }

    /** Waits for {@code thread} to end after the GIL was released, explaining a missing wake-up if it does not. */
    private static void endsAfterRelease(Thread thread) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            thread.interrupt();
            throw Failures.failure("`" + thread.getName() + "` is still waiting in acquire() "
                    + Waits.inWords(Delays.PATIENCE) + " after the GIL was released.", Messages.WAKE_WAITERS);
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String NEW_IS_FREE = "A new GIL should be free: holder() should return null.";
        static final String RELEASE_FREES = "After release(), holder() should return null: the GIL is free.";
        static final String WAITER_HOLDS = "After the GIL was released, `waiter` should have taken it (holder() should"
                + " name it).\nWhat to look at: acquire() ends by making the calling thread the holder.";
        static final String RELEASE_OF_FREE = "release() of a free GIL should throw IllegalStateException: only the"
                + " holder may release it.";
        static final String SECOND_ACQUIRE = "acquire() by the thread that already holds the GIL should throw"
                + " IllegalStateException; waiting for itself, it would wait forever.";
        static final String RELEASE_BY_STRANGER = "release() by a thread that does not hold the GIL should throw"
                + " IllegalStateException and leave the GIL with its holder.";
        static final String TOOK_A_HELD_GIL = "`waiter` returned from acquire() while another thread held the GIL: two"
                + " threads held it at once.";
        static final String WAIT_WHILE_HELD = "in acquire(), wait() in a while loop as long as holder is not null;"
                + " take the GIL only once it is free";
        static final String WAKE_WAITERS = "release() must wake the threads waiting in acquire(): notifyAll() after"
                + " setting holder to null, inside the same synchronized method.";
        static final String HANDED_TO_NOBODY = "yieldIfDue() gave the GIL up (or did not return it to the holder) with"
                + " no other thread waiting for it.\nWhat to look at: with waiting == 0 nobody asked for the GIL:"
                + " return false at once and keep it.";
        static final String WAITER_NOT_WAITING = "`waiter` never showed up as waiting for the GIL (waiting() never"
                + " read 1 while it was blocked in acquire()).\nWhat to look at: acquire() puts the thread in the queue"
                + " before it waits, and takes it out once it has the GIL.";
        static final String QUEUE = "acquire() joins the back of the queue and waits while the GIL is held or another"
                + " waiter is first (while, not if); notifyAll() wakes every waiter, and whichever gets the monitor"
                + " first is not necessarily the one that asked first";
        static final String STILL_HELD = "3 threads each acquired and released the GIL once, and it is still held at"
                + " the end.";
        static final String TWO_HOLDERS = "Two threads held the GIL at the same time.";
        static final String RECHECK_AFTER_WAIT = "after wait() returns, look again (while, not if): the GIL may be held"
                + " again, or another waiter may be first in the queue";

        static String holderAfterAcquire(Thread holder) {
            return "After acquire() returned, holder() should name the thread that called it, but it returned "
                    + (holder == null ? "null" : "`" + holder.getName() + "`") + ".\nWhat to look at: acquire() ends"
                    + " with holder = Thread.currentThread().";
        }

        static String countsWaiters(int waiting, int expected) {
            return "With " + expected + " thread" + (expected == 1 ? "" : "s") + " blocked in acquire(), waiting() should"
                    + " return " + expected + ", but it returned " + waiting + ".\nWhat to look at: acquire() adds the"
                    + " thread to the queue before its wait loop, and removes it once it takes the GIL.";
        }

        static String barged(List<String> order) {
            return "`holder` released the GIL and asked for it again at once, while `waiter` had been waiting, and the"
                    + " GIL went to them in this order: " + order + ". A thread that asks later must queue up behind"
                    + " the threads already waiting; taking a free GIL straight back lets one thread starve the rest.\n"
                    + "What to look at: " + QUEUE + ".";
        }

        static String outOfOrder(List<String> order) {
            return "Three threads began to wait for the GIL one after another (waiter-1 first), but they got it in this"
                    + " order: " + order + ". Without a queue, whichever woken thread gets the monitor first wins, and an"
                    + " unlucky thread can wait forever.";
        }

        static String stillCounted(int waiting) {
            return "After `waiter` took the GIL, nobody waits any more, but waiting() returned " + waiting
                    + ".\nWhat to look at: a thread leaves the queue when it takes the GIL.";
        }

        static String handedOverTooSoon(long waitedNanos) {
            return "yieldIfDue() let `waiter` in after it had waited " + Duration.ofNanos(waitedNanos).toNanos() / 1000
                    + " us, less than the switch interval of " + INTERVAL.toMillis() + " ms: switching at every check"
                    + " costs a thread switch per bytecode.\nWhat to look at: switch only when clock - max(heldSince,"
                    + " first waiter's since) >= the interval; how long the holder ran before anyone asked does not"
                    + " count.";
        }

        static String notHandedOver(boolean handed) {
            return "`waiter` had waited a whole switch interval (" + INTERVAL.toMillis() + " ms), but yieldIfDue()"
                    + (handed ? " returned true and took the GIL back before `waiter` ever got it."
                            : " returned false and kept the GIL: a thread that computes without pause starves the"
                                    + " others.")
                    + "\nWhat to look at: once the interval is up, release() the GIL and acquire() it again: the waiter,"
                    + " ahead of the holder in the queue, goes first.";
        }

        static String takesItBack(boolean handed, Thread holder) {
            return "After handing the GIL over, yieldIfDue() should take it back and return true, but it returned "
                    + handed + " with the GIL held by " + (holder == null ? "nobody" : "`" + holder.getName() + "`")
                    + ".\nWhat to look at: the holder was running bytecode: it must hold the GIL again when"
                    + " yieldIfDue() returns.";
        }

    }
}
