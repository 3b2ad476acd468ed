package katas.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
@DisplayName("Task 1: BoundedBuffer, one lock and two conditions")
@ExtendWith(FrayTestExtension.class)
class BoundedBufferTest {

    @Nested
    @DisplayName("on one thread")
    class OnOneThread {

        @Test
        @DisplayName("hands the items out in the order they were put, round the ring")
        void first_in_first_out() throws InterruptedException {
            BoundedBuffer<String> buffer = new BoundedBuffer<>(3);
            buffer.put("a");
            buffer.put("b");
            assertThat(buffer.take()).as(Messages.FIFO).isEqualTo("a");
            buffer.put("c");
            buffer.put("d");
            assertThat(buffer.size()).as(Messages.SIZE).isEqualTo(3);
            assertThat(List.of(buffer.take(), buffer.take(), buffer.take())).as(Messages.FIFO).containsExactly("b", "c", "d");
            assertThat(buffer.size()).as(Messages.SIZE).isZero();
        }

        @Test
        @DisplayName("refuses a capacity below 1")
        void refuses_a_capacity_below_one() {
            assertThat(catchThrowable(() -> new BoundedBuffer<String>(0))).withFailMessage(Messages.CAPACITY)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("between threads")
    class BetweenThreads {

        @Test
        @DisplayName("take() waits while the buffer is empty, and gets the item a producer then puts")
        void take_waits_for_an_item() throws InterruptedException {
            BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
            AtomicReference<String> taken = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread consumer = start(workers, "consumer", () -> taken.set(buffer.take()));
                waitsInsideBuffer(consumer, Messages.TAKE_DID_NOT_WAIT);
                buffer.put("parcel");
                endsAfter(consumer, "take()", Messages.SIGNAL_NOT_EMPTY);
                workers.joinAll();
            }
            assertThat(taken.get()).as(Messages.TAKER_GOT_IT).isEqualTo("parcel");
        }

        @Test
        @DisplayName("put() waits while the buffer is full, and goes on once a consumer takes an item")
        void put_waits_for_room() throws InterruptedException {
            BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
            buffer.put("first");
            try (Workers workers = new Workers()) {
                Thread producer = start(workers, "producer", () -> buffer.put("second"));
                waitsInsideBuffer(producer, Messages.PUT_DID_NOT_WAIT);
                assertThat(buffer.take()).as(Messages.FIFO).isEqualTo("first");
                endsAfter(producer, "put()", Messages.SIGNAL_NOT_FULL);
                workers.joinAll();
            }
            assertThat(buffer.take()).as(Messages.PUT_AFTER_WAIT).isEqualTo("second");
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("every item reaches exactly one consumer, in every schedule Fray tries (capacity 1, 1 producer, 2 consumers)")
    void every_item_reaches_one_consumer() throws InterruptedException {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray.
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(1);
        Integer[] received = new Integer[2];
        try (Workers workers = new Workers()) {
            workers.start("consumer-1", () -> received[0] = buffer.take());
            workers.start("consumer-2", () -> received[1] = buffer.take());
            buffer.put(1); // the test thread is the producer: one thread fewer to start in every schedule
            buffer.put(2);
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a thread never woken
        }
        boolean oneEach = received[0] != null && received[1] != null
                && (received[0] == 1 && received[1] == 2 || received[0] == 2 && received[1] == 1);
        Failures.expect(oneEach, Messages.delivered(received), Messages.RECHECK);
    }

    /** What each worker of a plain test threw, so that a worker which ended early is reported for its real reason. */
    private final Map<Thread, Throwable> crashed = new ConcurrentHashMap<>();

    /** Starts a worker like {@link Workers#start}, remembering what it throws. */
    private Thread start(Workers workers, String name, Workers.Task body) {
        return workers.start(name, () -> {
            try {
                body.run();
            } catch (Throwable thrown) {
                crashed.put(Thread.currentThread(), thrown);
                throw thrown;
            }
        });
    }

    /** If {@code thread} ended by throwing, fails with that (a starter's "TODO" as not written yet). */
    private void rethrowIfCrashed(Thread thread) {
        Throwable thrown = crashed.get(thread);
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown != null) {
            throw new AssertionError("`" + thread.getName() + "` threw " + thrown, thrown);
        }
    }

    /** Waits until {@code thread} waits inside the buffer, failing at once with {@code ifReturned} if it ends instead. */
    private void waitsInsideBuffer(Thread thread, String ifReturned) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                rethrowIfCrashed(thread);
                throw Failures.failure(ifReturned, Messages.AWAIT_IN_A_LOOP);
            }
            if (state != Thread.State.RUNNABLE && state != Thread.State.NEW && isInsideBuffer(thread)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(thread, "BoundedBuffer, waiting for the other side");
    }

    /** Waits for {@code thread} to end, explaining a missing signal if it does not. */
    private static void endsAfter(Thread thread, String call, String whatToLookAt) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            thread.interrupt();
            throw Failures.failure("`" + thread.getName() + "` is still waiting in " + call + " "
                    + Waits.inWords(Delays.PATIENCE) + " after the other side made it possible to go on.", whatToLookAt);
        }
    }

    private static boolean isInsideBuffer(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(BoundedBuffer.class.getName()));
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String FIFO = "items should come out in the order they went in";
        static final String SIZE = "size() should count the items in the buffer";
        static final String CAPACITY = "new BoundedBuffer<>(0) should throw IllegalArgumentException";
        static final String TAKE_DID_NOT_WAIT = "`consumer` returned from take() on an empty buffer: it should wait until"
                + " a producer puts an item.";
        static final String PUT_DID_NOT_WAIT = "`producer` returned from put() on a full buffer: it should wait until a"
                + " consumer makes room.";
        static final String AWAIT_IN_A_LOOP = "take the lock, then while the buffer is empty (take) or full (put), await"
                + " on the matching condition.";
        static final String SIGNAL_NOT_EMPTY = "put() must wake a waiting consumer: notEmpty.signal() after adding the"
                + " item, while still holding the lock.";
        static final String SIGNAL_NOT_FULL = "take() must wake a waiting producer: notFull.signal() after removing the"
                + " item, while still holding the lock.";
        static final String TAKER_GOT_IT = "the waiting consumer should get the item the producer put";
        static final String PUT_AFTER_WAIT = "the producer that waited should have added its item once there was room";
        static final String RECHECK = "after await() returns, look at the buffer again (while, not if): another"
                + " consumer may have taken the item between the signal and the moment this one got the lock back."
                + " And check that put() signals notEmpty and take() signals notFull.";

        static String delivered(Integer[] received) {
            return "The producer put 1 and 2 and each consumer took one item, but they got " + Arrays.toString(received)
                    + ": an item was lost or handed out twice, or a consumer took from an empty buffer.";
        }
    }
}
