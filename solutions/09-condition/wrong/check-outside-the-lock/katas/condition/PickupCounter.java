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
        // notifyAll(), not notify(): customers waiting for different orders share one wait set, and notify()
        // may wake one whose meal is not this one. That customer waits again, and the one whose meal is
        // ready is never told. Waking everybody costs a few wasted checks; each looks at its own number.
        notifyAll();
    }

    /** Called by a customer: waits until the meal for {@code order} is on the counter, then takes it away. */
    public String collect(int order) throws InterruptedException {
        // MISTAKE: checks without holding the monitor: the cook can serve and notify between the check and
        // the wait(), and this customer then waits for a wake-up that has already happened.
        while (!ready.containsKey(order)) {
            synchronized (this) {
                wait();
            }
        }
        synchronized (this) {
            return ready.remove(order);
        }
    }
}
