package katas.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import katas.testkit.Failures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("task:3")
@DisplayName("AdaptiveMap: parallel only when it pays")
class AdaptiveMapTest {

    @ParameterizedTest(name = "{0} items")
    @ValueSource(ints = {40, AdaptiveMap.MIN_PARALLEL_SIZE - 1})
    @DisplayName("maps a list shorter than MIN_PARALLEL_SIZE on the calling thread alone")
    void mapsAShortListOnTheCallingThread(int size) {
        List<Integer> items = IntStream.range(0, size).boxed().toList();
        SplitProbe probe = new SplitProbe();

        List<String> mapped = map(items, probe);

        if (probe.verdict() == SplitProbe.Verdict.SPLIT || !probe.threads().equals(java.util.Set.of(probe.caller()))) {
            throw Failures.failure(Messages.splitTooSmall(size, probe), Messages.sequentialBelowTheLimit());
        }
        assertThat(mapped)
                .withFailMessage(Messages.wrongResult(size, mapped))
                .containsExactlyElementsOf(expected(items));
    }

    @ParameterizedTest(name = "{0} items")
    @ValueSource(ints = {AdaptiveMap.MIN_PARALLEL_SIZE, 3 * AdaptiveMap.MIN_PARALLEL_SIZE})
    @DisplayName("maps a list of MIN_PARALLEL_SIZE items or more on several threads at once, in order")
    void mapsALongListInParallel(int size) {
        List<Integer> items = IntStream.range(0, size).boxed().toList();
        SplitProbe probe = new SplitProbe();

        List<String> mapped = map(items, probe);

        if (probe.verdict() != SplitProbe.Verdict.SPLIT) {
            throw Failures.failure(Messages.notSplit(size, probe), Messages.parallelFromTheLimit());
        }
        assertThat(mapped)
                .withFailMessage(Messages.wrongResult(size, mapped))
                .containsExactlyElementsOf(expected(items));
    }

    /** Maps {@code items} with work whose first call waits until another thread calls it too, or none can. */
    private static List<String> map(List<Integer> items, SplitProbe probe) {
        Function<Integer, String> work = item -> {
            probe.ran();
            if (!probe.holdIfFirst()) {
                probe.companion();
            }
            return "item " + item;
        };
        return KataCalls.call("AdaptiveMap.map()", "map with a stream and collect with toList()",
                () -> AdaptiveMap.map(items, work));
    }

    private static List<String> expected(List<Integer> items) {
        return items.stream().map(item -> "item " + item).toList();
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static String splitTooSmall(int size, SplitProbe probe) {
            return "A list of " + size + " items, below MIN_PARALLEL_SIZE (" + AdaptiveMap.MIN_PARALLEL_SIZE
                    + "), was mapped on " + probe.threadNames() + ", not on the calling thread `"
                    + probe.caller().getName() + "` alone.";
        }

        static String sequentialBelowTheLimit() {
            return "for a short list, splitting it, queueing the pieces and waking workers costs more than the work"
                    + " they take over: use items.stream() when items.size() < MIN_PARALLEL_SIZE";
        }

        static String notSplit(int size, SplitProbe probe) {
            return "A list of " + size + " items (MIN_PARALLEL_SIZE is " + AdaptiveMap.MIN_PARALLEL_SIZE
                    + ") was mapped on " + probe.threadNames() + " alone: while one item was being mapped, no other"
                    + " thread mapped another.";
        }

        static String parallelFromTheLimit() {
            return "from MIN_PARALLEL_SIZE items on, use items.parallelStream() (items.size() >= MIN_PARALLEL_SIZE)";
        }

        static String wrongResult(int size, List<String> mapped) {
            return Failures.message("map() of " + size + " items should return the " + size + " results in the order"
                            + " of the items, but returned " + (mapped == null ? "null"
                            : mapped.size() + " results starting " + mapped.subList(0, Math.min(3, mapped.size())))
                            + ".",
                    "stream.map(work).toList() keeps the order, sequential or parallel; forEach into a shared list"
                            + " does not", null);
        }
    }
}
