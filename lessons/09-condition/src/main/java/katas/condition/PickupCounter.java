package katas.condition;

import java.util.HashMap;
import java.util.Map;

/**
 * The pickup counter of a take-away kitchen: the cook puts each finished meal on the counter under its
 * order number, and each customer waits for their own number, then takes the meal away.
 *
 * <p>All customers wait on the same monitor (this object's), whatever number they wait for. So a
 * wake-up says only "something changed on the counter", never "your meal is ready".
 */
public final class PickupCounter {

    private final Map<Integer, String> ready = new HashMap<>();

    /** Called by the cook: puts {@code meal} on the counter for {@code order}, and wakes the waiting customers. */
    public synchronized void serve(int order, String meal) {
        ready.put(order, meal);
        // TODO: notify() wakes one waiting customer, perhaps one waiting for another order; wake them all.
        notify();
    }

    /** Called by a customer: waits until the meal for {@code order} is on the counter, then takes it away. */
    public String collect(int order) throws InterruptedException {
        // TODO: the check runs outside the lock, and only once: check and wait while holding the lock, in a loop.
        if (!ready.containsKey(order)) {
            synchronized (this) {
                wait();
            }
        }
        synchronized (this) {
            return ready.remove(order);
        }
    }
}
