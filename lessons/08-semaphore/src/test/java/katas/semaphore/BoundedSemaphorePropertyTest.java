package katas.semaphore;

import java.util.ArrayList;
import java.util.List;
import katas.testkit.Failures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * Random sequences of tryAcquire() and release(n) on one thread, each checked step by step against a plain
 * count: the semaphore must answer as the count says, and never hold more permits than it started with.
 */
@Tag("task:3")
@Label("Task 3: BoundedSemaphore against a plain count")
class BoundedSemaphorePropertyTest {

    @Property(tries = 100)
    @Label("never holds more permits than its initial value, and a refused release changes nothing")
    void follows_a_bounded_count(@ForAll @IntRange(min = 0, max = 3) int value,
            @ForAll("operations") List<Integer> operations) {
        List<String> done = new ArrayList<>();
        done.add("new BoundedSemaphore(" + value + ")");
        try {
            BoundedSemaphore semaphore = new BoundedSemaphore(value);
            int count = value;
            for (int n : operations) {
                if (n == 0) {
                    boolean expected = count > 0;
                    done.add("tryAcquire()");
                    boolean took = semaphore.tryAcquire();
                    Failures.expect(took == expected, Messages.tryAcquire(done, count, took), Messages.COUNT);
                    if (took) {
                        count--;
                    }
                } else {
                    done.add("release(" + n + ")");
                    boolean allowed = count + n <= value;
                    IllegalStateException refused = null;
                    try {
                        semaphore.release(n);
                    } catch (IllegalStateException e) {
                        refused = e;
                    }
                    Failures.expect(allowed == (refused == null), Messages.release(done, count, n, value, refused),
                            Messages.BOUND);
                    if (allowed) {
                        count += n;
                    }
                }
                int free = semaphore.availablePermits();
                Failures.expect(free == count, Messages.availableAfter(done, count, free, value), Messages.BOUND);
            }
        } catch (UnsupportedOperationException todo) {
            if (todo.getMessage() != null && todo.getMessage().startsWith("TODO")) {
                throw Failures.failure("Not written yet: " + todo.getMessage(),
                        "replace the `throw new UnsupportedOperationException(\"TODO ...\")` with your code");
            }
            throw todo;
        }
    }

    /** Lists of up to 12 steps: 0 is tryAcquire(), 1 to 3 is release(n). */
    @Provide
    Arbitrary<List<Integer>> operations() {
        return Arbitraries.integers().between(0, 3).list().ofMaxSize(12);
    }

    /** Every message this property shows. */
    private static final class Messages {
        static final String COUNT = "the semaphore is a count: tryAcquire() takes one if the count is above 0,"
                + " release(n) adds n.";
        static final String BOUND = "a BoundedSemaphore never holds more permits than its initial value: check that"
                + " count + n stays within it before adding anything, and throw IllegalStateException otherwise"
                + " (leaving the count as it was).";

        static String tryAcquire(List<String> done, int count, boolean took) {
            return "After " + String.join(", ", done) + ": tryAcquire() with " + count + " permit(s) free returned "
                    + took + ".";
        }

        static String release(List<String> done, int count, int n, int value, IllegalStateException refused) {
            return "After " + String.join(", ", done) + ": release(" + n + ") with " + count + " of " + value
                    + " permit(s) free " + (refused == null ? "was accepted, although it makes " + (count + n)
                            + ", more than the initial " + value + "; it should throw IllegalStateException."
                            : "threw " + refused + ", although " + (count + n) + " is within the initial " + value + ".");
        }

        static String availableAfter(List<String> done, int count, int free, int value) {
            return "After " + String.join(", ", done) + ": availablePermits() should be " + count + " (bound " + value
                    + ") but is " + free + ".";
        }
    }
}
