package katas.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import katas.testkit.Failures;
import katas.testkit.Waits;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.Size;

/** A property test, run by jqwik (so it carries jqwik's annotations, not JUnit's). */
@Tag("task:3")
@Label("Task 3: Event against a plain boolean")
class EventPropertyTest {

    /**
     * Random sequences of set() (true) and clear() (false) on one thread: after each, isSet() and a zero or
     * negative timed await() give the flag of the last call, and no call waits.
     */
    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    @Label("after any sequence of set() and clear(), isSet() and await(0) give the flag of the last call")
    void reports_the_flag_of_the_last_call(@ForAll @Size(max = 20) List<Boolean> calls) {
        // On a thread of its own, with a time limit: jqwik has none, and an await(0) that waits forever must fail.
        Waits.returnsPromptly("caller", "set(), clear(), isSet() and await(0 ms) calls", () -> {
            check(calls);
            return null;
        });
    }

    private static void check(List<Boolean> calls) throws InterruptedException {
        Event event = new Event();
        List<String> done = new ArrayList<>();
        boolean model = false;
        try {
            for (boolean set : calls) {
                if (set) {
                    event.set();
                    done.add("set()");
                } else {
                    event.clear();
                    done.add("clear()");
                }
                model = set;
                assertThat(event.isSet()).withFailMessage(Messages.afterCalls(done, "isSet()", model)).isEqualTo(model);
                assertThat(event.await(Duration.ZERO)).withFailMessage(Messages.afterCalls(done, "await(0 ms)", model))
                        .isEqualTo(model);
                assertThat(event.await(Duration.ofMillis(-1)))
                        .withFailMessage(Messages.afterCalls(done, "await(-1 ms)", model)).isEqualTo(model);
            }
        } catch (UnsupportedOperationException todo) {
            // jqwik runs outside the kit's JUnit extension: report a starter method as not written yet ourselves.
            throw Failures.failure("Not written yet: " + todo.getMessage(),
                    "replace the `throw new UnsupportedOperationException(\"TODO ...\")` with your code");
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static String afterCalls(List<String> calls, String call, boolean flag) {
            return Failures.message("After " + String.join(", ", calls) + ": " + call + " should be " + flag + ".",
                    "the flag is what the last set() or clear() made it; a zero or negative timeout returns it at once",
                    null);
        }
    }
}
