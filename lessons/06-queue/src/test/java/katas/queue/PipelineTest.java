package katas.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import katas.testkit.Blocking;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Task 1: Pipeline, a producer and workers joined by a bounded queue")
class PipelineTest {

    /** The threads alive before the test: any other thread named worker-N was started by the pipeline. */
    private final Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

    private final Queue<Integer> handled = new ConcurrentLinkedQueue<>();
    private final Set<Thread> handlerThreads = ConcurrentHashMap.newKeySet();

    @Test
    @DisplayName("hands every item to the handler exactly once, on the worker threads, and then every worker ends")
    void hands_every_item_once_to_the_workers() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        try (Workers workers = new Workers()) {
            Thread producer = workers.start("producer", () -> new Pipeline(4, 3).run(items.iterator(), this::record));
            Blocking.ends(producer, () -> Messages.runDidNotReturn(items.size(), workersLeft()), Messages.ONE_SIGNAL_EACH,
                    this::workersLeft);
            workers.joinAll();
        }
        List<Integer> sorted = handled.stream().sorted().toList();
        assertThat(sorted).withFailMessage(Messages.lostOrDuplicated(items, sorted)).isEqualTo(items);
        List<String> names = handlerThreads.stream().map(Thread::getName).sorted().toList();
        assertThat(names).withFailMessage(Messages.wrongThreads(names))
                .isNotEmpty().allMatch(name -> name.matches("worker-[123]"));
        List<Thread> alive = handlerThreads.stream().filter(Thread::isAlive).toList();
        assertThat(alive).withFailMessage(Messages.workersStillRunning(alive)).isEmpty();
    }

    @Test
    @DisplayName("makes the producer wait once the queue is full, while every worker is busy (back-pressure)")
    void the_full_queue_holds_the_producer_back() {
        int capacity = 3;
        int busyWorkers = 2;
        int total = 20;
        AtomicInteger pulled = new AtomicInteger();
        Iterator<Integer> source = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pulled.get() < total;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pulled.getAndIncrement();
            }
        };
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger busy = new AtomicInteger();
        try (Workers workers = new Workers()) {
            Thread producer = workers.start("producer",
                    () -> new Pipeline(capacity, busyWorkers).run(source, heldUntil(release, busy)));
            Waits.until(() -> busy.get() == busyWorkers, Messages.BOTH_WORKERS_BUSY);
            // Both workers are stuck in the handler now, and only the producer touches the queue: it runs on
            // until something makes it wait.
            Waits.until(() -> Blocking.isStopped(producer), Messages.PRODUCER_STOPS);
            int pulledWhileBusy = pulled.get();
            release.countDown();
            assertThat(pulledWhileBusy).withFailMessage(Messages.noBackPressure(pulledWhileBusy, total, capacity))
                    .isLessThanOrEqualTo(busyWorkers + capacity + 1);
            Blocking.ends(producer, () -> Messages.runDidNotReturn(total, workersLeft()), Messages.ONE_SIGNAL_EACH,
                    this::workersLeft);
            workers.joinAll();
        } finally {
            release.countDown();
        }
        List<Integer> sorted = handled.stream().sorted().toList();
        List<Integer> items = IntStream.range(0, total).boxed().toList();
        assertThat(sorted).withFailMessage(Messages.lostOrDuplicated(items, sorted)).isEqualTo(items);
    }

    @Test
    @DisplayName("returns only after the workers have handled every item")
    void returns_only_when_every_item_is_handled() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger busy = new AtomicInteger();
        try (Workers workers = new Workers()) {
            Thread producer = workers.start("producer",
                    () -> new Pipeline(4, 2).run(List.of(1, 2).iterator(), heldUntil(release, busy)));
            Waits.until(() -> busy.get() == 2, Messages.BOTH_WORKERS_BUSY);
            Waits.until(() -> Blocking.isStopped(producer), Messages.PRODUCER_STOPS);
            boolean returnedEarly = !producer.isAlive();
            release.countDown();
            assertThat(returnedEarly).withFailMessage(Messages.RETURNED_EARLY).isFalse();
            Blocking.ends(producer, () -> Messages.runDidNotReturn(2, workersLeft()), Messages.ONE_SIGNAL_EACH,
                    this::workersLeft);
            workers.joinAll();
        } finally {
            release.countDown();
        }
        assertThat(handled).withFailMessage(Messages.lostOrDuplicated(List.of(1, 2), List.copyOf(handled)))
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    @DisplayName("with nothing to do, starts and stops every worker and returns")
    void stops_every_worker_when_there_is_nothing_to_do() {
        try (Workers workers = new Workers()) {
            Thread producer = workers.start("producer",
                    () -> new Pipeline(2, 3).run(List.<Integer>of().iterator(), this::record));
            Blocking.ends(producer, () -> Messages.runDidNotReturn(0, workersLeft()), Messages.ONE_SIGNAL_EACH,
                    this::workersLeft);
            workers.joinAll();
        }
        List<Thread> left = workersLeft();
        assertThat(left).withFailMessage(Messages.workersStillRunning(left)).isEmpty();
        assertThat(handled).withFailMessage(Messages.lostOrDuplicated(List.of(), List.copyOf(handled))).isEmpty();
    }

    private void record(Integer item) {
        handlerThreads.add(Thread.currentThread());
        handled.add(item);
    }

    /** A handler that records its item, but stays busy until {@code release} opens (or it is interrupted). */
    private Consumer<Integer> heldUntil(CountDownLatch release, AtomicInteger busy) {
        return item -> {
            busy.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the test gave up on this run: stop holding
            }
            record(item);
        };
    }

    /** The pipeline's worker threads (named worker-N) that are still alive. */
    private List<Thread> workersLeft() {
        List<Thread> left = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(thread) && thread.isAlive() && thread.getName().startsWith("worker-")) {
                left.add(thread);
            }
        }
        return left;
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String ONE_SIGNAL_EACH = "every worker must get its own stop signal: put one stop signal (a"
                + " private `static final Object STOP = new Object()`) per worker behind the last item, let a worker"
                + " end when it takes one, and join every worker before run() returns.";
        static final String BOTH_WORKERS_BUSY = "both workers take an item from the queue and start handling it"
                + " (run() must start the workers and put the items into the queue)";
        static final String PRODUCER_STOPS = "the producer (the thread that called run()) stops: it waits in put()"
                + " on the full queue, or in join()";
        static final String RETURNED_EARLY = Failures.message("run() returned while both workers were still"
                + " handling their item.", "run() must not return before the work is done: after the stop signals,"
                + " join() every worker.", null);

        static String runDidNotReturn(int items, List<Thread> left) {
            String waiting = left.isEmpty() ? ""
                    : " " + left.stream().map(t -> "`" + t.getName() + "`").sorted().collect(Collectors.joining(", "))
                            + (left.size() == 1 ? " is" : " are") + " still running or waiting for an item.";
            return "run() over " + items + " items did not return within " + Waits.inWords(Delays.PATIENCE) + "."
                    + waiting;
        }

        static String lostOrDuplicated(List<Integer> items, List<Integer> handled) {
            List<Integer> missing = new ArrayList<>(items);
            handled.forEach(missing::remove);
            List<Integer> extra = new ArrayList<>(handled);
            items.forEach(extra::remove);
            return message("The handler should get each of the " + items.size() + " items exactly once, but it got "
                    + handled.size() + " items: missing " + shortList(missing) + ", more than once " + shortList(extra)
                    + ".", "put() every item (offer() drops an item when the queue is full), and let a worker stop only at a"
                    + " stop signal queued behind the last item.");
        }

        static String noBackPressure(int pulled, int total, int capacity) {
            return message("While both workers were busy, the producer took " + pulled + " of the " + total + " items from the"
                    + " source: nothing held it back. With room for " + capacity + " items, it should have waited after"
                    + " at most 2 + " + capacity + " + 1.", "give the queue a capacity (new ArrayBlockingQueue<>(capacity)) and"
                    + " add with put(), which waits while it is full.");
        }

        static String wrongThreads(List<String> names) {
            return message("The handler ran on " + names + ", but it should run on the worker threads worker-1 to"
                    + " worker-3.", "start the worker threads with those names, and call the handler only from them"
                    + " (not from the producer, the thread that calls run()).");
        }

        static String workersStillRunning(List<Thread> alive) {
            return message("run() returned, but " + alive.stream().map(t -> "`" + t.getName() + "` (" + t.getState()
                    + ")").collect(Collectors.joining(", ")) + " still " + (alive.size() == 1 ? "runs" : "run") + ".",
                    "a clean stop ends every worker: one stop signal per worker, then join() each of them before"
                    + " returning.");
        }

        private static String message(String whatWentWrong, String whatToLookAt) {
            return Failures.message(whatWentWrong, whatToLookAt, null);
        }

        private static String shortList(List<Integer> numbers) {
            if (numbers.isEmpty()) {
                return "none";
            }
            return numbers.size() <= 10 ? numbers.toString()
                    : numbers.subList(0, 10).toString().replace("]", ", ...] (" + numbers.size() + " in all)");
        }
    }
}
