package katas.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Blocking;
import katas.testkit.Delays;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("Task 3, step 3: TaskQueue's shutdown()")
class TaskQueueShutdownTest {

    private final TaskQueue<String> queue = new TaskQueue<>(2);

    @Nested
    @DisplayName("shutdown(false)")
    class Graceful {

        @Test
        @DisplayName("refuses every put from then on, even with room, and adds nothing")
        void refuses_every_put() {
            assertThat(queue.isShutdown()).as(Messages.NOT_YET).isFalse();
            queue.shutdown(false);
            assertThat(queue.isShutdown()).as(Messages.IS_SHUT_DOWN).isTrue();
            assertThat(Blocking.thrownBy("putter", "put() after shutdown", () -> {
                queue.put("a");
                return null;
            })).withFailMessage(Messages.PUT_REFUSED).isInstanceOf(QueueShutDownException.class);
            assertThat(Blocking.thrownBy("putter", "put(item, timeout) after shutdown", () -> {
                queue.put("a", Delays.SHORT);
                return null;
            })).withFailMessage(Messages.PUT_REFUSED).isInstanceOf(QueueShutDownException.class);
            assertThat(Blocking.thrownBy("putter", "putNowait() after shutdown", () -> {
                queue.putNowait("a");
                return null;
            })).withFailMessage(Messages.PUT_REFUSED).isInstanceOf(QueueShutDownException.class);
            assertThat(queue.size()).as(Messages.PUT_REFUSED).isZero();
        }

        @Test
        @DisplayName("lets the gets drain the items left, in order, and then refuses them")
        void gets_drain_then_fail() {
            queue.putNowait("a");
            queue.putNowait("b");
            queue.shutdown(false);
            assertThat(outcome("get()", queue::get)).as(Messages.DRAIN).isEqualTo("a");
            assertThat(outcome("getNowait()", queue::getNowait)).as(Messages.DRAIN).isEqualTo("b");
            for (String call : List.of("get()", "get(timeout)", "getNowait()")) {
                RuntimeException thrown = Blocking.thrownBy("getter", call + " on a shut-down, empty queue",
                        () -> switch (call) {
                            case "get()" -> queue.get();
                            case "getNowait()" -> queue.getNowait();
                            default -> queue.get(Delays.SHORT);
                        });
                assertThat(thrown).withFailMessage(Messages.refusedWhenDrained(call, thrown))
                        .isInstanceOf(QueueShutDownException.class);
            }
        }

        @Test
        @DisplayName("wakes the getters waiting on an empty queue: they throw QueueShutDownException")
        void wakes_waiting_getters() {
            TaskQueue<String> empty = new TaskQueue<>(2);
            AtomicReference<Throwable> first = new AtomicReference<>();
            AtomicReference<Throwable> second = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread getter = Blocking.start(workers, "getter", () -> first.set(thrownByGet(() -> empty.get())));
                Thread timedGetter = Blocking.start(workers, "timed-getter",
                        () -> second.set(thrownByGet(() -> empty.get(Delays.PATIENCE.multipliedBy(3)))));
                Blocking.waitsInside(getter, TaskQueue.class, "get() on an empty queue", Messages.DID_NOT_WAIT,
                        Messages.WAIT_FIRST);
                Blocking.waitsInside(timedGetter, TaskQueue.class, "get(timeout) on an empty queue",
                        Messages.DID_NOT_WAIT, Messages.WAIT_FIRST);
                empty.shutdown(false);
                Blocking.ends(getter, Messages.stillWaiting("`getter`", "get()"), Messages.WAKE_GETTERS, getter,
                        timedGetter);
                Blocking.ends(timedGetter, Messages.stillWaiting("`timed-getter`", "get(timeout)"),
                        Messages.WAKE_GETTERS, timedGetter);
                workers.joinAll();
            }
            assertThat(first.get()).withFailMessage(Messages.wokenGetter(first.get()))
                    .isInstanceOf(QueueShutDownException.class);
            assertThat(second.get()).withFailMessage(Messages.wokenGetter(second.get()))
                    .isInstanceOf(QueueShutDownException.class);
        }

        @Test
        @DisplayName("wakes a putter waiting on a full queue: it throws QueueShutDownException and adds nothing")
        void wakes_waiting_putters() {
            TaskQueue<String> full = new TaskQueue<>(1);
            full.putNowait("a");
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread putter = Blocking.start(workers, "putter", () -> thrown.set(thrownByGet(() -> {
                    full.put("b");
                    return null;
                })));
                Blocking.waitsInside(putter, TaskQueue.class, "put() on a full queue", Messages.PUT_DID_NOT_WAIT,
                        Messages.WAIT_FIRST);
                full.shutdown(false);
                Blocking.ends(putter, Messages.stillWaiting("`putter`", "put()"), Messages.WAKE_PUTTERS, putter);
                workers.joinAll();
            }
            assertThat(thrown.get()).withFailMessage(Messages.wokenPutter(thrown.get()))
                    .isInstanceOf(QueueShutDownException.class);
            assertThat(full.size()).as(Messages.WOKEN_PUTTER_ADDS_NOTHING).isEqualTo(1);
        }

        @Test
        @DisplayName("never makes join() throw: join() still waits for the unfinished tasks, and then returns")
        void join_still_waits_and_never_throws() throws InterruptedException {
            queue.putNowait("a");
            queue.shutdown(false);
            try (Workers workers = new Workers()) {
                Thread joiner = Blocking.start(workers, "joiner", queue::join);
                Blocking.waitsInside(joiner, TaskQueue.class, "join()", Messages.JOIN_RETURNED_EARLY,
                        Messages.JOIN_IGNORES_SHUTDOWN);
                assertThat(outcome("get()", queue::get)).as(Messages.DRAIN).isEqualTo("a");
                queue.taskDone();
                Blocking.ends(joiner, Messages.stillJoining("after the last task was marked done"),
                        Messages.JOIN_IGNORES_SHUTDOWN, joiner);
                workers.joinAll(); // a joiner that threw fails here, naming the exception
            }
        }
    }

    @Nested
    @DisplayName("shutdown(true)")
    class Immediate {

        @Test
        @DisplayName("discards the queued items and counts them done, but join() still waits for the tasks in hand")
        void discards_and_counts_the_items_done() throws InterruptedException {
            TaskQueue<String> three = new TaskQueue<>(3);
            three.putNowait("a");
            three.putNowait("b");
            three.putNowait("c");
            assertThat(three.getNowait()).as(Messages.DRAIN).isEqualTo("a"); // "a" is in hand, not yet done
            three.shutdown(true);
            assertThat(three.size()).as(Messages.DISCARDED).isZero();
            assertThat(three.isEmpty()).as(Messages.DISCARDED).isTrue();
            RuntimeException thrown = Blocking.thrownBy("getter", "getNowait() after shutdown(true)", three::getNowait);
            assertThat(thrown).withFailMessage(Messages.refusedWhenDrained("getNowait()", thrown))
                    .isInstanceOf(QueueShutDownException.class);
            try (Workers workers = new Workers()) {
                Thread joiner = Blocking.start(workers, "joiner", three::join);
                Blocking.waitsInside(joiner, TaskQueue.class, "join()", Messages.IN_HAND_STILL_COUNTS,
                        Messages.ONLY_DISCARDED_ARE_DONE);
                three.taskDone();
                Blocking.ends(joiner, Messages.stillJoining("after the task in hand was marked done"),
                        Messages.COUNT_DISCARDED_DONE, joiner);
                workers.joinAll();
            }
        }

        @Test
        @DisplayName("wakes the threads waiting in join() when the discarded items were the last unfinished tasks")
        void wakes_waiting_joiners() {
            queue.putNowait("a");
            queue.putNowait("b");
            try (Workers workers = new Workers()) {
                Thread joiner = Blocking.start(workers, "joiner", queue::join);
                Blocking.waitsInside(joiner, TaskQueue.class, "join()", Messages.JOIN_RETURNED_EARLY,
                        Messages.JOIN_IGNORES_SHUTDOWN);
                queue.shutdown(true);
                Blocking.ends(joiner, Messages.stillJoining("after shutdown(true) discarded every item"),
                        Messages.COUNT_DISCARDED_DONE, joiner);
                workers.joinAll(); // a joiner that threw fails here, naming the exception
            }
            assertThat(queue.isShutdown()).as(Messages.IS_SHUT_DOWN).isTrue();
        }
    }

    /** Runs {@code call} on a worker and returns what it returned, failing if it threw or did not return. */
    private static String outcome(String call, java.util.concurrent.Callable<String> get) {
        AtomicReference<String> result = new AtomicReference<>();
        RuntimeException thrown = Blocking.thrownBy("getter", call + " on a shut-down queue with items left", () -> {
            result.set(get.call());
            return null;
        });
        assertThat(thrown).withFailMessage(Messages.refusedTooSoon(call, thrown)).isNull();
        return result.get();
    }

    private interface Call {
        Object call() throws Exception;
    }

    /** What {@code call} threw, or null. */
    private static Throwable thrownByGet(Call call) {
        try {
            call.call();
            return null;
        } catch (Exception thrown) {
            if (Blocking.isTodo(thrown)) {
                throw (UnsupportedOperationException) thrown;
            }
            return thrown;
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String NOT_YET = "a new queue should not be shut down";
        static final String IS_SHUT_DOWN = "after shutdown(), isShutdown() should be true";
        static final String PUT_REFUSED = "after shutdown(false), put(), put(item, timeout) and putNowait() should throw"
                + " QueueShutDownException, even with room in the queue, and add nothing";
        static final String DRAIN = "after shutdown(false), the gets should still hand out the items left, first in,"
                + " first out";
        static final String DID_NOT_WAIT = "a getter returned from get() on an empty queue that was not shut down: it"
                + " should wait.";
        static final String PUT_DID_NOT_WAIT = "`putter` returned from put() on a full queue that was not shut down: it"
                + " should wait.";
        static final String WAIT_FIRST = "a get on an empty queue and a put on a full one wait until something changes.";
        static final String WAKE_GETTERS = "shutdown() must wake every waiting getter (signalAll() on the getters'"
                + " condition, or notifyAll()); a woken getter must check the shutdown flag and, the queue being empty,"
                + " throw QueueShutDownException.";
        static final String WAKE_PUTTERS = "shutdown() must wake every waiting putter (signalAll() on the putters'"
                + " condition, or notifyAll()); a woken putter must check the shutdown flag and throw"
                + " QueueShutDownException.";
        static final String WOKEN_PUTTER_ADDS_NOTHING = "a putter woken by shutdown() must not add its item";
        static final String JOIN_RETURNED_EARLY = "join() returned while an item put was not yet marked done.";
        static final String JOIN_IGNORES_SHUTDOWN = "join() waits for the count of unfinished tasks to reach zero,"
                + " shutdown or not, and never throws because of a shutdown: after shutdown(false) the consumers still"
                + " finish their tasks.";
        static final String DISCARDED = "shutdown(true) should discard every item still in the queue";
        static final String IN_HAND_STILL_COUNTS = "join() returned although the item got before shutdown(true) was not"
                + " marked done yet: only the discarded items count as done.";
        static final String ONLY_DISCARDED_ARE_DONE = "shutdown(true) counts one task done for each item it discards,"
                + " nothing more: an item a consumer holds is done only when it calls taskDone().";
        static final String COUNT_DISCARDED_DONE = "nobody will ever call taskDone() for a discarded item: shutdown(true)"
                + " must count each discarded item done itself, and then wake the joiners (signalAll() or notifyAll()).";

        static String refusedWhenDrained(String call, RuntimeException thrown) {
            return "after shutdown(), " + call + " on an empty queue should throw QueueShutDownException, but it "
                    + (thrown == null ? "returned" : "threw " + thrown);
        }

        static String refusedTooSoon(String call, RuntimeException thrown) {
            return "after shutdown(false), " + call + " should still get the items left in the queue, but it threw "
                    + thrown;
        }

        static String stillWaiting(String who, String call) {
            return who + " still waited in " + call + " " + Waits.inWords(Delays.PATIENCE) + " after shutdown(false).";
        }

        static String stillJoining(String when) {
            return "`joiner` still waited in join() " + Waits.inWords(Delays.PATIENCE) + " " + when + ".";
        }

        static String wokenGetter(Throwable thrown) {
            return "a getter waiting on an empty queue, woken by shutdown(), should throw QueueShutDownException, but it "
                    + (thrown == null ? "returned normally" : "threw " + thrown);
        }

        static String wokenPutter(Throwable thrown) {
            return "a putter waiting on a full queue, woken by shutdown(), should throw QueueShutDownException, but it "
                    + (thrown == null ? "returned normally" : "threw " + thrown);
        }
    }
}
