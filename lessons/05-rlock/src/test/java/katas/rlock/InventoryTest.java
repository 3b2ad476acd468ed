package katas.rlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Schedules;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;

@Tag("task:2")
@DisplayName("Task 2: Inventory, a guarded method that calls guarded methods")
@ExtendWith(FrayTestExtension.class)
class InventoryTest {

    private final Inventory inventory = new Inventory(Map.of("shelf", 8, "dock", 2));

    @Test
    @DisplayName("move() finishes on its own thread, and moves the boxes")
    void move_finishes_alone() throws InterruptedException {
        try (Workers workers = new Workers()) {
            Thread mover = workers.start("mover", () -> inventory.move("shelf", "cart", 3));
            finishesAlone(mover, Messages.SELF_DEADLOCK, Messages.REENTRANT);
            workers.joinAll();
        }
        assertThat(inventory.count("shelf")).as(Messages.MOVED).isEqualTo(5);
        assertThat(inventory.count("cart")).as(Messages.MOVED).isEqualTo(3);
        assertThat(inventory.total()).as(Messages.MOVED).isEqualTo(10);
    }

    @Test
    @DisplayName("a refused move changes nothing and leaves the inventory usable by other threads")
    void refused_move_gives_the_lock_back() throws InterruptedException {
        try (Workers workers = new Workers()) {
            Thread mover = workers.start("mover", () -> assertThat(catchThrowable(() -> inventory.move("dock", "shelf", 5)))
                    .withFailMessage(Messages.REFUSED).isInstanceOf(IllegalStateException.class));
            finishesAlone(mover, Messages.SELF_DEADLOCK, Messages.REENTRANT);
            workers.joinAll();
        }
        try (Workers workers = new Workers()) {
            Thread counter = workers.start("counter", () -> inventory.count("dock"));
            finishesAlone(counter, Messages.LEAKED, Messages.UNLOCK_IN_FINALLY);
            workers.joinAll();
        }
        assertThat(inventory.count("dock")).as(Messages.REFUSED_UNCHANGED).isEqualTo(2);
        assertThat(inventory.count("shelf")).as(Messages.REFUSED_UNCHANGED).isEqualTo(8);
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("nobody sees boxes in flight during a move, in every schedule Fray tries")
    void move_is_one_step() throws InterruptedException {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray.
        Inventory shared = new Inventory(Map.of("shelf", 8, "dock", 2));
        AtomicInteger seen = new AtomicInteger(-1);
        try (Workers workers = new Workers()) {
            workers.start("mover", () -> shared.move("shelf", "cart", 3));
            seen.set(shared.total()); // the test thread is the auditor: one thread fewer to start in every schedule
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a thread stuck for good
        }
        Failures.expect(seen.get() == 10, Messages.inFlight(seen.get()), Messages.ONE_HOLD_ACROSS);
        Failures.expect(shared.count("shelf") == 5 && shared.count("cart") == 3, Messages.MOVED, Messages.ONE_HOLD_ACROSS);
    }

    /**
     * Waits for {@code worker}, the only thread using the inventory, to finish; a worker that waits
     * inside Inventory instead can only be waiting for itself (or for a thread that has ended), and
     * fails at once with {@code ifStuck}.
     */
    private static void finishesAlone(Thread worker, String ifStuck, String whatToLookAt) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = worker.getState();
            if (state == Thread.State.TERMINATED) {
                return;
            }
            if ((state == Thread.State.WAITING || state == Thread.State.BLOCKED) && isInsideInventory(worker)) {
                worker.interrupt();
                throw Failures.failure(ifStuck.replace("{worker}", worker.getName()), whatToLookAt);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilEnded(worker, "its call on the inventory");
    }

    private static boolean isInsideInventory(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(Inventory.class.getName()));
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String SELF_DEADLOCK = "`{worker}` waits inside Inventory for a lock, but no other thread is using"
                + " the inventory: move() holds the lock and then waits for it again in remove(), forever. A"
                + " Semaphore(1), like Python's Lock, has no owner and does not let its holder in again.";
        static final String REENTRANT = "give the inventory a lock that lets its owner in again, such as a"
                + " ReentrantLock (Python's RLock); or keep the lock and have move() call private helpers that"
                + " do the work without locking.";
        static final String MOVED = "moving 3 boxes from the shelf (8) to the cart should leave 5 on the shelf, 3 in"
                + " the cart and 10 boxes in all";
        static final String REFUSED = "move(\"dock\", \"shelf\", 5) with only 2 boxes on the dock should throw"
                + " IllegalStateException";
        static final String REFUSED_UNCHANGED = "a refused move must change nothing";
        static final String LEAKED = "`{worker}` waits inside Inventory.count() for the lock, but no other thread is"
                + " running: the lock is still held by `mover`, which ended after its move was refused.";
        static final String UNLOCK_IN_FINALLY = "every lock() needs its unlock() in a finally block, remove() too: when"
                + " it throws inside move(), its hold is the second one, and move()'s unlock() gives back only its own.";
        static final String ONE_HOLD_ACROSS = "hold one lock from the start of move() to its end, with remove() and add()"
                + " inside; letting go in between (or a lock with spare permits) lets another thread in halfway.";

        static String inFlight(int seen) {
            return "While 3 boxes moved from the shelf to the cart, another thread counted " + seen + " boxes in all"
                    + " instead of 10: it got the lock halfway through the move.";
        }
    }
}
