package katas.parallel;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** Maps a list in parallel only when the list is long enough for splitting it to pay. */
final class AdaptiveMap {

    /**
     * From this many items on, the list is mapped in parallel; below it, handing pieces to other
     * threads costs more than the work they would take over.
     */
    static final int MIN_PARALLEL_SIZE = 1_000;

    private AdaptiveMap() {
    }

    /**
     * Returns {@code work} applied to every item, in the order of {@code items}: on the calling thread
     * alone below {@link #MIN_PARALLEL_SIZE} items, on several threads at once from there on.
     */
    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
        // MISTAKE: sequential whatever the size.
        Stream<T> stream = items.stream();
        // map() then toList() keeps the encounter order, sequential or parallel.
        return stream.<R>map(work).toList();
    }
}
