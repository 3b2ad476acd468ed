package katas.queue;

import katas.testkit.ModelCheck;
import katas.testkit.ModelCheckTest;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

@Tag("task:3")
@DisplayName("Task 3, step 1: TaskQueue, checked against a model")
class TaskQueueModelTest {

    /** What Lincheck's model checker runs from two threads (Lincheck builds this class itself, so it is public). */
    public static final class Model {
        private final TaskQueue<Integer> queue = new TaskQueue<>(2);

        @Operation
        public boolean putNowait(int item) {
            try {
                queue.putNowait(item);
                return true;
            } catch (QueueFullException full) {
                return false;
            }
        }

        @Operation
        public Integer getNowait() {
            try {
                return queue.getNowait();
            } catch (QueueEmptyException empty) {
                return null;
            }
        }

        @Operation
        public int size() {
            return queue.size();
        }
    }

    @ModelCheckTest
    @DisplayName("putNowait(), getNowait() and size() are each one atomic step, whatever the interleaving of two threads")
    void nowait_calls_are_atomic() {
        TaskQueue<Integer> warmUp = new TaskQueue<>(2);
        warmUp.putNowait(1); // a starter method still to write fails here, before the model checker starts
        warmUp.getNowait();
        warmUp.size();
        ModelCheck.assertLinearizable(Model.class, Messages.ATOMIC, Messages.LOCK_EVERY_CALL);
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String ATOMIC = "Each call must act as one step: two threads calling putNowait(), getNowait() and"
                + " size() at once must get results that some one-at-a-time order of the same calls could give.";
        static final String LOCK_EVERY_CALL = "take the queue's lock in every method, also in the ones that never wait"
                + " (putNowait, getNowait, size, isEmpty, isFull): the check for room or for an item and the change must"
                + " be one step, ArrayDeque is not safe for two threads at once, and a read without the lock may not see"
                + " the other threads' changes.";
    }
}
