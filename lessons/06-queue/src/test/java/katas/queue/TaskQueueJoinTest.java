package katas.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import katas.testkit.Blocking;
import katas.testkit.Delays;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("Task 3, step 2: TaskQueue's taskDone() and join()")
class TaskQueueJoinTest {

    private final TaskQueue<String> queue = new TaskQueue<>(0);

    @Test
    @DisplayName("join() on a queue that never had an item returns at once")
    void join_on_a_new_queue_returns() {
        RuntimeException thrown = Blocking.thrownBy("joiner", "join() on a new queue", () -> {
            queue.join();
            return null;
        });
        assertThat(thrown).withFailMessage(Messages.threw("join() on a new queue", thrown)).isNull();
    }

    @Test
    @DisplayName("join() waits for an item that was got but not yet marked done, and returns once it is")
    void join_waits_for_task_done_not_for_an_empty_queue() throws InterruptedException {
        queue.put("a");
        assertThat(queue.get()).as(Messages.FIFO).isEqualTo("a");
        try (Workers workers = new Workers()) {
            Thread joiner = Blocking.start(workers, "joiner", queue::join);
            Blocking.waitsInside(joiner, TaskQueue.class, "join()", Messages.JOIN_RETURNED_ON_EMPTY,
                    Messages.COUNT_UNFINISHED);
            queue.taskDone();
            Blocking.ends(joiner, Messages.stillJoining("`joiner`"), Messages.WAKE_JOINERS, joiner);
            workers.joinAll();
        }
    }

    @Test
    @DisplayName("join() waits for every item put: the ones still queued, and the ones got but not done")
    void join_waits_for_every_item() throws InterruptedException {
        queue.put("a");
        queue.put("b");
        queue.put("c");
        queue.get();
        queue.get();
        queue.taskDone(); // "a" is done; "b" was got but is not done, "c" is still queued
        try (Workers workers = new Workers()) {
            Thread joiner = Blocking.start(workers, "joiner", queue::join);
            Blocking.waitsInside(joiner, TaskQueue.class, "join()", Messages.JOIN_RETURNED_EARLY,
                    Messages.COUNT_UNFINISHED);
            queue.taskDone();
            queue.get();
            queue.taskDone();
            Blocking.ends(joiner, Messages.stillJoining("`joiner`"), Messages.WAKE_JOINERS, joiner);
            workers.joinAll();
        }
    }

    @Test
    @DisplayName("taskDone() wakes every thread waiting in join()")
    void task_done_wakes_every_joiner() throws InterruptedException {
        queue.put("a");
        try (Workers workers = new Workers()) {
            List<Thread> joiners = List.of(Blocking.start(workers, "joiner-1", queue::join), Blocking.start(workers, "joiner-2", queue::join),
                    Blocking.start(workers, "joiner-3", queue::join));
            for (Thread joiner : joiners) {
                Blocking.waitsInside(joiner, TaskQueue.class, "join()", Messages.JOIN_RETURNED_EARLY,
                        Messages.COUNT_UNFINISHED);
            }
            queue.get();
            queue.taskDone();
            for (Thread joiner : joiners) {
                Blocking.ends(joiner, () -> Messages.stillJoining(names(joiners)), Messages.WAKE_EVERY_JOINER,
                        () -> joiners);
            }
            workers.joinAll();
        }
    }

    @Test
    @DisplayName("taskDone() called more times than items were put throws IllegalStateException and changes nothing")
    void too_many_task_done_calls_are_refused() throws InterruptedException {
        queue.put("a");
        queue.get();
        queue.taskDone();
        RuntimeException thrown = Blocking.thrownBy("consumer", "a second taskDone() for one item", () -> {
            queue.taskDone();
            return null;
        });
        assertThat(thrown).withFailMessage(Messages.TOO_MANY).isInstanceOf(IllegalStateException.class);
        queue.put("b");
        try (Workers workers = new Workers()) {
            Thread joiner = Blocking.start(workers, "joiner", queue::join);
            Blocking.waitsInside(joiner, TaskQueue.class, "join()", Messages.COUNT_WENT_BELOW_ZERO, Messages.REFUSE_BELOW_ZERO);
            queue.get();
            queue.taskDone();
            Blocking.ends(joiner, Messages.stillJoining("`joiner`"), Messages.WAKE_JOINERS, joiner);
            workers.joinAll();
        }
    }

    private static String names(List<Thread> threads) {
        List<String> alive = threads.stream().filter(Thread::isAlive).map(t -> "`" + t.getName() + "`").toList();
        return alive.isEmpty() ? "a joiner" : String.join(", ", alive);
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String FIFO = "get() should return the item that was put";
        static final String JOIN_RETURNED_ON_EMPTY = "join() returned while an item had been got but not yet marked done"
                + " with taskDone(): the queue is empty, but the work is not finished.";
        static final String JOIN_RETURNED_EARLY = "join() returned while items were still unfinished (put, and not yet"
                + " marked done with taskDone()).";
        static final String COUNT_UNFINISHED = "join() waits for the count of unfinished tasks to reach zero, not for the"
                + " queue to be empty: count one up in every put and one down in every taskDone(), and wait while it is"
                + " above zero.";
        static final String WAKE_JOINERS = "the taskDone() that brings the count of unfinished tasks to zero must wake the"
                + " threads waiting in join() (signalAll() on their condition, or notifyAll()).";
        static final String WAKE_EVERY_JOINER = "every joiner waits for the same moment, so wake them all: signalAll() (or"
                + " notifyAll()), not signal() (or notify()), which wakes only one.";
        static final String TOO_MANY = "a second taskDone() for the only item put should throw IllegalStateException"
                + " (Python raises ValueError).";
        static final String COUNT_WENT_BELOW_ZERO = "join() returned at once although an item was put after the refused"
                + " taskDone(): the count of unfinished tasks went below zero.";
        static final String REFUSE_BELOW_ZERO = "check the count before you lower it: when it is already zero, throw and"
                + " leave it at zero.";

        static String stillJoining(String who) {
            return who + " still waited in join() " + Waits.inWords(Delays.PATIENCE) + " after the last item was marked"
                    + " done.";
        }

        static String threw(String call, RuntimeException thrown) {
            return call + " should return at once, but it threw " + thrown;
        }
    }
}
