package katas.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import katas.testkit.Failures;
import katas.testkit.Waits;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** A property test, run by jqwik (so it carries jqwik's annotations, not JUnit's). */
@Tag("task:3")
@Label("Task 3, step 1: TaskQueue against a plain ArrayDeque")
class TaskQueuePropertyTest {

    /**
     * Random sequences of calls on one thread, each checked against a plain ArrayDeque with the same bound:
     * no item is lost, duplicated or reordered, and the queue is full and empty exactly when it should be.
     * A number of 0 or more means putNowait(number), -1 getNowait(), -2 size().
     */
    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    @Label("loses, duplicates and reorders no item, and is full and empty exactly when it should be")
    void behaves_like_a_bounded_fifo(@ForAll @IntRange(min = 0, max = 3) int maxsize,
            @ForAll @Size(max = 30) List<@IntRange(min = -2, max = 9) Integer> calls) {
        // On a thread of its own, with a time limit: jqwik has none, and a call that waits forever must fail.
        Waits.returnsPromptly("caller", "putNowait(), getNowait() and size() calls", () -> {
            check(maxsize, calls);
            return null;
        });
    }

    private static void check(int maxsize, List<Integer> calls) {
        TaskQueue<Integer> queue = new TaskQueue<>(maxsize);
        ArrayDeque<Integer> model = new ArrayDeque<>();
        List<String> done = new ArrayList<>();
        try {
            for (int call : calls) {
                boolean full = maxsize > 0 && model.size() >= maxsize;
                if (call >= 0) {
                    done.add("putNowait(" + call + ")");
                    boolean refused = refusesAsFull(queue, call);
                    assertThat(refused).withFailMessage(Messages.afterCalls(done, full ? Messages.SHOULD_BE_FULL
                            : Messages.SHOULD_HAVE_ROOM)).isEqualTo(full);
                    if (!full) {
                        model.addLast(call);
                    }
                } else if (call == -1) {
                    done.add("getNowait()");
                    Integer expected = model.pollFirst();
                    Integer got = getOrNull(queue);
                    assertThat(got).withFailMessage(Messages.afterCalls(done, "getNowait() should " + (expected == null
                            ? "throw QueueEmptyException" : "return " + expected) + ", but it "
                            + (got == null ? "threw QueueEmptyException" : "returned " + got))).isEqualTo(expected);
                } else {
                    done.add("size()");
                    assertThat(queue.size()).withFailMessage(Messages.afterCalls(done, "size() should be "
                            + model.size())).isEqualTo(model.size());
                }
                assertThat(queue.isEmpty()).withFailMessage(Messages.afterCalls(done, "isEmpty() should be "
                        + model.isEmpty())).isEqualTo(model.isEmpty());
                assertThat(queue.isFull()).withFailMessage(Messages.afterCalls(done, "isFull() should be "
                        + (maxsize > 0 && model.size() >= maxsize))).isEqualTo(maxsize > 0 && model.size() >= maxsize);
            }
        } catch (UnsupportedOperationException todo) {
            // jqwik runs outside the kit's JUnit extension: report a starter method as not written yet ourselves.
            throw Failures.failure("Not written yet: " + todo.getMessage(),
                    "replace the `throw new UnsupportedOperationException(\"TODO ...\")` with your code");
        }
    }

    private static boolean refusesAsFull(TaskQueue<Integer> queue, int item) {
        try {
            queue.putNowait(item);
            return false;
        } catch (QueueFullException full) {
            return true;
        }
    }

    private static Integer getOrNull(TaskQueue<Integer> queue) {
        try {
            return queue.getNowait();
        } catch (QueueEmptyException empty) {
            return null;
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String SHOULD_BE_FULL = "putNowait() on a full queue should throw QueueFullException and add"
                + " nothing";
        static final String SHOULD_HAVE_ROOM = "putNowait() on a queue with room should add the item";

        static String afterCalls(List<String> calls, String what) {
            return Failures.message("After " + String.join(", ", calls) + ": " + what + ".",
                    "the queue is first in, first out; maxsize <= 0 means no limit; a refused call changes nothing",
                    null);
        }
    }
}
