package katas.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
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
@DisplayName("Task 3, step 1: TaskQueue puts and gets")
@ExtendWith(FrayTestExtension.class)
class TaskQueueTest {

    private static final Duration NEGATIVE = Duration.ofMillis(-1);

    @Nested
    @DisplayName("on one thread")
    class OnOneThread {

        @Test
        @DisplayName("hands the items out first in, first out, and counts them")
        void first_in_first_out() throws InterruptedException {
            TaskQueue<String> queue = new TaskQueue<>(3);
            assertThat(queue.isEmpty()).as(Messages.NEW_IS_EMPTY).isTrue();
            assertThat(queue.size()).as(Messages.NEW_IS_EMPTY).isZero();
            assertThat(queue.isFull()).as(Messages.NEW_IS_EMPTY).isFalse();
            queue.putNowait("a");
            queue.put("b");
            queue.put("c", Delays.SHORT);
            assertThat(queue.size()).as(Messages.COUNTS).isEqualTo(3);
            assertThat(queue.isFull()).as(Messages.FULL_AT_MAXSIZE).isTrue();
            assertThat(queue.isEmpty()).as(Messages.COUNTS).isFalse();
            assertThat(List.of(queue.getNowait(), queue.get(), queue.get(Delays.SHORT))).as(Messages.FIFO)
                    .containsExactly("a", "b", "c");
            assertThat(queue.isEmpty()).as(Messages.COUNTS).isTrue();
            assertThat(queue.isFull()).as(Messages.COUNTS).isFalse();
        }

        @Test
        @DisplayName("has no limit when maxsize is zero or negative")
        void unbounded_when_maxsize_is_not_positive() {
            for (int maxsize : new int[] {0, -1}) {
                TaskQueue<Integer> queue = new TaskQueue<>(maxsize);
                RuntimeException refused = Blocking.thrownBy("putter", "1000 putNowait() on a TaskQueue(" + maxsize + ")",
                        () -> {
                            for (int i = 0; i < 1000; i++) {
                                queue.putNowait(i);
                            }
                            return null;
                        });
                assertThat(refused).withFailMessage(Messages.unbounded(maxsize, refused)).isNull();
                assertThat(queue.size()).as(Messages.unbounded(maxsize, null)).isEqualTo(1000);
                assertThat(queue.isFull()).as(Messages.UNBOUNDED_NEVER_FULL).isFalse();
            }
        }

        @Test
        @DisplayName("refuses null items with NullPointerException, and stays unchanged")
        void refuses_null() {
            TaskQueue<String> queue = new TaskQueue<>(2);
            assertThat(Blocking.thrownBy("putter", "put(null)", () -> {
                queue.put(null);
                return null;
            })).withFailMessage(Messages.NULL_ITEM).isInstanceOf(NullPointerException.class);
            assertThat(Blocking.thrownBy("putter", "put(null, timeout)", () -> {
                queue.put(null, Delays.SHORT);
                return null;
            })).withFailMessage(Messages.NULL_ITEM).isInstanceOf(NullPointerException.class);
            assertThat(Blocking.thrownBy("putter", "putNowait(null)", () -> {
                queue.putNowait(null);
                return null;
            })).withFailMessage(Messages.NULL_ITEM).isInstanceOf(NullPointerException.class);
            assertThat(queue.size()).as(Messages.NULL_ITEM).isZero();
        }

        @Test
        @DisplayName("putNowait() on a full queue and getNowait() on an empty one fail at once, changing nothing")
        void nowait_calls_fail_at_once() {
            TaskQueue<String> queue = new TaskQueue<>(1);
            queue.putNowait("a");
            assertThat(Blocking.thrownBy("putter", "putNowait() on a full queue", () -> {
                queue.putNowait("b");
                return null;
            })).withFailMessage(Messages.PUT_NOWAIT_FULL).isInstanceOf(QueueFullException.class);
            assertThat(queue.size()).as(Messages.FAILED_PUT_CHANGES_NOTHING).isEqualTo(1);
            assertThat(queue.getNowait()).as(Messages.FAILED_PUT_CHANGES_NOTHING).isEqualTo("a");
            assertThat(Blocking.thrownBy("getter", "getNowait() on an empty queue", queue::getNowait))
                    .withFailMessage(Messages.GET_NOWAIT_EMPTY).isInstanceOf(QueueEmptyException.class);
            assertThat(queue.size()).as(Messages.FAILED_GET_CHANGES_NOTHING).isZero();
        }

        @Test
        @DisplayName("timed put and get fail at once with a zero timeout, and refuse a negative one")
        void zero_and_negative_timeouts() {
            TaskQueue<String> queue = new TaskQueue<>(1);
            assertThat(Blocking.thrownBy("getter", "get(-1 ms)", () -> queue.get(NEGATIVE)))
                    .withFailMessage(Messages.NEGATIVE_TIMEOUT).isInstanceOf(IllegalArgumentException.class);
            assertThat(Blocking.thrownBy("putter", "put(item, -1 ms)", () -> {
                queue.put("a", NEGATIVE);
                return null;
            })).withFailMessage(Messages.NEGATIVE_TIMEOUT).isInstanceOf(IllegalArgumentException.class);
            assertThat(queue.size()).as(Messages.NEGATIVE_TIMEOUT).isZero();
            assertThat(Blocking.thrownBy("getter", "get(Duration.ZERO) on an empty queue", () -> queue.get(Duration.ZERO)))
                    .withFailMessage(Messages.ZERO_GET).isInstanceOf(QueueEmptyException.class);
            queue.putNowait("a");
            assertThat(Blocking.thrownBy("putter", "put(item, Duration.ZERO) on a full queue", () -> {
                queue.put("b", Duration.ZERO);
                return null;
            })).withFailMessage(Messages.ZERO_PUT).isInstanceOf(QueueFullException.class);
            assertThat(queue.size()).as(Messages.FAILED_PUT_CHANGES_NOTHING).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("between threads")
    class BetweenThreads {

        @Test
        @DisplayName("get() waits while the queue is empty, and returns the item that another thread puts")
        void get_waits_for_an_item() {
            TaskQueue<String> queue = new TaskQueue<>(2);
            AtomicReference<String> got = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread getter = Blocking.start(workers, "getter", () -> got.set(queue.get()));
                Blocking.waitsInside(getter, TaskQueue.class, "get() on an empty queue", Messages.GET_DID_NOT_WAIT,
                        Messages.WAIT_WHILE_EMPTY);
                queue.putNowait("a");
                Blocking.ends(getter, Messages.stillWaiting("getter", "get()", "an item was put"), Messages.WAKE_GETTER,
                        getter);
                workers.joinAll();
            }
            assertThat(got.get()).as(Messages.GETTER_GETS_IT).isEqualTo("a");
            assertThat(queue.isEmpty()).as(Messages.GETTER_GETS_IT).isTrue();
        }

        @Test
        @DisplayName("put() waits while the queue is full, and goes on once another thread gets an item")
        void put_waits_for_room() {
            TaskQueue<String> queue = new TaskQueue<>(1);
            queue.putNowait("a");
            try (Workers workers = new Workers()) {
                Thread putter = Blocking.start(workers, "putter", () -> queue.put("b"));
                Blocking.waitsInside(putter, TaskQueue.class, "put() on a full queue", Messages.PUT_DID_NOT_WAIT,
                        Messages.WAIT_WHILE_FULL);
                assertThat(queue.getNowait()).as(Messages.FIFO).isEqualTo("a");
                Blocking.ends(putter, Messages.stillWaiting("putter", "put()", "an item was got"), Messages.WAKE_PUTTER,
                        putter);
                workers.joinAll();
            }
            assertThat(queue.getNowait()).as(Messages.PUTTER_PUTS_IT).isEqualTo("b");
        }

        @Test
        @DisplayName("timed put and get wait, and succeed when room or an item comes in time")
        void timed_calls_wait_and_succeed() {
            TaskQueue<String> queue = new TaskQueue<>(1);
            AtomicReference<String> got = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread getter = Blocking.start(workers, "getter", () -> got.set(queue.get(Delays.PATIENCE)));
                Blocking.waitsInside(getter, TaskQueue.class, "get(timeout) on an empty queue",
                        Messages.TIMED_GET_DID_NOT_WAIT, Messages.WAIT_WHILE_EMPTY);
                queue.putNowait("a");
                Blocking.ends(getter, Messages.stillWaiting("getter", "get(timeout)", "an item was put"),
                        Messages.WAKE_GETTER, getter);
                queue.putNowait("b");
                Thread putter = Blocking.start(workers, "putter", () -> queue.put("c", Delays.PATIENCE));
                Blocking.waitsInside(putter, TaskQueue.class, "put(item, timeout) on a full queue",
                        Messages.TIMED_PUT_DID_NOT_WAIT, Messages.WAIT_WHILE_FULL);
                assertThat(queue.getNowait()).as(Messages.FIFO).isEqualTo("b");
                Blocking.ends(putter, Messages.stillWaiting("putter", "put(item, timeout)", "an item was got"),
                        Messages.WAKE_PUTTER, putter);
                workers.joinAll();
            }
            assertThat(got.get()).as(Messages.GETTER_GETS_IT).isEqualTo("a");
            assertThat(queue.getNowait()).as(Messages.PUTTER_PUTS_IT).isEqualTo("c");
        }

        @Test
        @DisplayName("timed put and get give up after about the timeout, changing nothing")
        void timed_calls_give_up_after_the_timeout() {
            TaskQueue<String> queue = new TaskQueue<>(1);
            long start = System.nanoTime();
            RuntimeException empty = Blocking.thrownBy("getter", "get(" + Waits.inWords(Delays.SHORT) + ") on an empty"
                    + " queue", () -> queue.get(Delays.SHORT));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(empty).withFailMessage(Messages.TIMED_GET_EMPTY).isInstanceOf(QueueEmptyException.class);
            assertThat(waited).withFailMessage(Messages.gaveUpTooSoon("get", waited))
                    .isGreaterThanOrEqualTo(Delays.SHORT.dividedBy(2));
            queue.putNowait("a");
            start = System.nanoTime();
            RuntimeException full = Blocking.thrownBy("putter", "put(item, " + Waits.inWords(Delays.SHORT) + ") on a"
                    + " full queue", () -> {
                        queue.put("b", Delays.SHORT);
                        return null;
                    });
            waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(full).withFailMessage(Messages.TIMED_PUT_FULL).isInstanceOf(QueueFullException.class);
            assertThat(waited).withFailMessage(Messages.gaveUpTooSoon("put", waited))
                    .isGreaterThanOrEqualTo(Delays.SHORT.dividedBy(2));
            assertThat(queue.size()).as(Messages.FAILED_PUT_CHANGES_NOTHING).isEqualTo(1);
        }

        @Test
        @DisplayName("get() throws InterruptedException when its thread is interrupted while it waits")
        void get_can_be_interrupted() {
            TaskQueue<String> queue = new TaskQueue<>(1);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread getter = Blocking.start(workers, "getter", () -> {
                    try {
                        queue.get();
                    } catch (InterruptedException | RuntimeException e) {
                        if (Blocking.isTodo(e)) {
                            throw e;
                        }
                        thrown.set(e);
                    }
                });
                Blocking.waitsInside(getter, TaskQueue.class, "get() on an empty queue", Messages.GET_DID_NOT_WAIT,
                        Messages.WAIT_WHILE_EMPTY);
                getter.interrupt();
                Blocking.ends(getter, Messages.IGNORES_INTERRUPT, Messages.LET_INTERRUPTS_THROUGH);
                workers.joinAll();
            }
            assertThat(thrown.get()).withFailMessage(Messages.IGNORES_INTERRUPT)
                    .isInstanceOf(InterruptedException.class);
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("two getters and a putter: each item is got once, in every schedule Fray tries")
    void each_item_got_once_in_every_schedule() throws InterruptedException {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray.
        TaskQueue<Integer> queue = new TaskQueue<>(0);
        Queue<Integer> got = new ConcurrentLinkedQueue<>();
        try (Workers workers = new Workers()) {
            for (int i = 1; i <= 2; i++) {
                workers.start("getter-" + i, () -> {
                    Integer item;
                    try {
                        item = queue.get();
                    } catch (RuntimeException e) {
                        throw Failures.failure(Messages.gotPastEmpty(e.toString()), Messages.WHILE_NOT_IF);
                    }
                    Failures.expect(item != null, Messages.gotPastEmpty("null"), Messages.WHILE_NOT_IF);
                    got.add(item);
                });
            }
            queue.put(1);
            queue.put(2);
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a getter that never wakes
        }
        Failures.expect(got.size() == 2 && got.contains(1) && got.contains(2), Messages.eachOnce(List.copyOf(got)),
                Messages.WHILE_NOT_IF);
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String NEW_IS_EMPTY = "a new TaskQueue(3) should be empty: size() 0, isEmpty() true, isFull() false";
        static final String COUNTS = "size(), isEmpty() and isFull() should count the items in the queue";
        static final String FULL_AT_MAXSIZE = "a TaskQueue(3) holding 3 items should say isFull()";
        static final String FIFO = "items should come out in the order they went in (first in, first out)";
        static final String UNBOUNDED_NEVER_FULL = "a queue with maxsize <= 0 has no limit, so isFull() is always false";
        static final String NULL_ITEM = "put(null), put(null, timeout) and putNowait(null) should throw"
                + " NullPointerException and add nothing";
        static final String PUT_NOWAIT_FULL = "putNowait() on a full queue should throw QueueFullException at once";
        static final String GET_NOWAIT_EMPTY = "getNowait() on an empty queue should throw QueueEmptyException at once";
        static final String FAILED_PUT_CHANGES_NOTHING = "a put that failed must leave the queue as it was";
        static final String FAILED_GET_CHANGES_NOTHING = "a get that failed must leave the queue as it was";
        static final String NEGATIVE_TIMEOUT = "a negative timeout should throw IllegalArgumentException (Python raises"
                + " ValueError), for get(timeout) and put(item, timeout), and change nothing";
        static final String ZERO_GET = "get(Duration.ZERO) on an empty queue should throw QueueEmptyException at once:"
                + " no time to wait (beware: wait(0) means wait forever)";
        static final String ZERO_PUT = "put(item, Duration.ZERO) on a full queue should throw QueueFullException at"
                + " once: no time to wait (beware: wait(0) means wait forever)";
        static final String GET_DID_NOT_WAIT = "`getter` returned from get() on an empty queue: it should wait for an"
                + " item.";
        static final String TIMED_GET_DID_NOT_WAIT = "`getter` returned from get(" + Waits.inWords(Delays.PATIENCE)
                + ") at once on an empty queue: it should wait for an item for up to the timeout.";
        static final String PUT_DID_NOT_WAIT = "`putter` returned from put() on a full queue: it should wait for room.";
        static final String TIMED_PUT_DID_NOT_WAIT = "`putter` returned from put(item, " + Waits.inWords(Delays.PATIENCE)
                + ") at once on a full queue: it should wait for room for up to the timeout.";
        static final String WAIT_WHILE_EMPTY = "while the queue is empty, get() waits (await() or wait() in a while loop).";
        static final String WAIT_WHILE_FULL = "while the queue is full, put() waits (await() or wait() in a while loop).";
        static final String WAKE_GETTER = "a put must wake a waiting getter: signal the getters' condition (or"
                + " notifyAll()) after adding the item, while holding the lock.";
        static final String WAKE_PUTTER = "a get must wake a waiting putter: signal the putters' condition (or"
                + " notifyAll()) after removing the item, while holding the lock.";
        static final String GETTER_GETS_IT = "the waiting getter should get the item that was put, and the queue be"
                + " empty again";
        static final String PUTTER_PUTS_IT = "the waiting putter should add its item once there is room";
        static final String TIMED_GET_EMPTY = "get(timeout) on a queue that stays empty should throw QueueEmptyException"
                + " once the timeout has passed";
        static final String TIMED_PUT_FULL = "put(item, timeout) on a queue that stays full should throw"
                + " QueueFullException once the timeout has passed";
        static final String IGNORES_INTERRUPT = "get() on an empty queue should throw InterruptedException when its"
                + " thread is interrupted while it waits.";
        static final String LET_INTERRUPTS_THROUGH = "await() and wait() throw InterruptedException: let it out of get()"
                + " (declare it), do not catch it and wait again.";
        static final String WHILE_NOT_IF = "after await()/wait() returns, check again (while, not if): another getter may"
                + " have taken the item between the wake-up and this thread getting the lock back.";

        static String unbounded(int maxsize, RuntimeException refused) {
            return "a TaskQueue(" + maxsize + ") has no limit: 1000 putNowait() calls should all succeed"
                    + (refused == null ? "" : ", but one threw " + refused);
        }

        static String stillWaiting(String thread, String call, String what) {
            return "`" + thread + "` still waited in " + call + " " + Waits.inWords(Delays.PATIENCE) + " after " + what
                    + ".";
        }

        static String gaveUpTooSoon(String call, Duration waited) {
            return "a timed " + call + " with a timeout of " + Waits.inWords(Delays.SHORT) + " gave up after only "
                    + waited.toMillis() + " ms: it should wait for the timeout first.";
        }

        static String gotPastEmpty(String what) {
            return "A getter went past the wait of get() while the queue was empty, and got " + what + ".";
        }

        static String eachOnce(List<Integer> got) {
            return "2 getters each got one item of the 2 put (1 and 2), but together they got " + got + ".";
        }
    }
}
