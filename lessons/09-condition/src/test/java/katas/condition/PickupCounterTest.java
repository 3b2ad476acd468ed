package katas.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
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
@DisplayName("Task 2: PickupCounter, customers waiting for their own order")
@ExtendWith(FrayTestExtension.class)
class PickupCounterTest {

    private final PickupCounter counter = new PickupCounter();

    @Test
    @DisplayName("hands over a meal that is already on the counter at once")
    void hands_over_a_ready_meal() throws InterruptedException {
        counter.serve(7, "soup");
        String meal = Waits.returnsPromptly("customer-7", "collect(7) with order 7 on the counter", () -> counter.collect(7));
        assertThat(meal).as(Messages.READY_MEAL).isEqualTo("soup");
    }

    @Test
    @DisplayName("collect() waits while the order is not ready, and returns the meal once it is served")
    void waits_for_the_meal() {
        AtomicReference<String> meal = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread customer = start(workers, "customer-7", () -> meal.set(counter.collect(7)));
            waitsInsideCounter(customer);
            counter.serve(7, "soup");
            workers.joinAll();
        }
        assertThat(meal.get()).as(Messages.SERVED_MEAL).isEqualTo("soup");
    }

    @Test
    @DisplayName("serving an order wakes its customer, even when another customer has waited longer")
    void serving_wakes_the_right_customer() {
        AtomicReference<String> first = new AtomicReference<>();
        AtomicReference<String> second = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            // customer-2 waits first, so a lone notify() (which on HotSpot wakes the longest waiter) wakes the wrong one.
            Thread customer2 = start(workers, "customer-2", () -> second.set(counter.collect(2)));
            waitsInsideCounter(customer2);
            Thread customer1 = start(workers, "customer-1", () -> first.set(counter.collect(1)));
            waitsInsideCounter(customer1);
            try {
                counter.serve(1, "soup");
                endsAfterServe(customer1);
                assertThat(customer2.isAlive() ? null : second.get()).withFailMessage(Messages.leftEarly(second.get()))
                        .isNull();
            } catch (AssertionError failure) {
                customer1.interrupt(); // do not leave them waiting for the patience delay again
                customer2.interrupt();
                throw failure;
            }
            counter.serve(2, "noodles");
            workers.joinAll();
        }
        String[] meals = {first.get(), second.get()};
        assertThat(meals).withFailMessage(Messages.wrongMeals(meals)).containsExactly("soup", "noodles");
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("each customer gets their own meal and nobody waits forever, in every schedule Fray tries (2 customers, 1 cook)")
    void each_customer_gets_their_own_meal() {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray.
        PickupCounter shared = new PickupCounter();
        String[] meals = new String[2];
        try (Workers workers = new Workers()) {
            workers.start("customer-1", () -> meals[0] = shared.collect(1));
            workers.start("customer-2", () -> meals[1] = shared.collect(2));
            shared.serve(1, "soup"); // the test thread is the cook: one thread fewer to start in every schedule
            shared.serve(2, "noodles");
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a customer never woken
        }
        Failures.expect("soup".equals(meals[0]) && "noodles".equals(meals[1]), Messages.wrongMeals(meals),
                Messages.LOOK_AGAIN);
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

    /** Waits until {@code customer} waits inside the counter, failing at once if collect() returns instead. */
    private void waitsInsideCounter(Thread customer) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = customer.getState();
            if (state == Thread.State.TERMINATED) {
                rethrowIfCrashed(customer);
                throw Failures.failure(Messages.DID_NOT_WAIT, Messages.LOOK_AGAIN);
            }
            if (state != Thread.State.RUNNABLE && state != Thread.State.NEW && isInsideCounter(customer)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(customer, "PickupCounter.collect(), waiting for order 7");
    }

    /** Waits for {@code customer} to end once their order is served, explaining a lost wake-up if it does not. */
    private static void endsAfterServe(Thread customer) {
        try {
            customer.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + customer.getName(), e);
        }
        if (customer.isAlive()) {
            throw Failures.failure("`" + customer.getName() + "` is still waiting " + Waits.inWords(Delays.PATIENCE)
                    + " after its order was served, while `customer-2`, who waits for another order, had waited"
                    + " longer: the wake-up went to the wrong customer, who just waited again.", Messages.LOOK_AGAIN);
        }
    }

    private static boolean isInsideCounter(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(PickupCounter.class.getName()));
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String READY_MEAL = "collect(7) with the soup for order 7 on the counter should return the soup";
        static final String SERVED_MEAL = "the customer waiting for order 7 should get the soup once it is served";
        static final String DID_NOT_WAIT = "`customer-7` returned from collect(7) although order 7 was not served yet:"
                + " it should wait.";
        static final String LOOK_AGAIN = "hold the monitor from the check to the wait (a synchronized collect()), wait"
                + " in a while loop that looks at the customer's own order after every wake-up, and wake every"
                + " customer with notifyAll(): notify() may wake a customer waiting for another order, who just waits"
                + " again.";

        static String leftEarly(String meal) {
            return "`customer-2`, waiting for order 2, left the counter with " + meal + " when order 1 was served: a"
                    + " wake-up for another order ended its wait.";
        }

        static String wrongMeals(String[] meals) {
            return "The cook served soup for order 1 and noodles for order 2, but customer 1 got " + meals[0]
                    + " and customer 2 got " + meals[1] + ": a customer took a meal before their own order was on the"
                    + " counter.";
        }
    }
}
