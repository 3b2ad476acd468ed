package katas.condition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import katas.testkit.Failures;
import katas.testkit.Workers;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random mixes of producers, consumers and capacities, run with real threads: whatever the schedule,
 * every item put comes out exactly once, and the items of one producer come out in the order it put them.
 *
 * <p>A correct buffer passes on every schedule, so the verdict never depends on timing; the schedules
 * that catch a missing {@code while} or a missing signal are explored by the Fray test of
 * {@code BoundedBufferTest}.
 */
@Tag("task:1")
@Label("Task 1: BoundedBuffer never loses or duplicates an item")
class BoundedBufferPropertyTest {

    /** An item: which producer put it, and its place in that producer's sequence. */
    record Item(int producer, int seq) {
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    @Label("every item put comes out exactly once, each producer's items in the order put")
    void no_item_lost_or_duplicated(
            @ForAll @IntRange(min = 1, max = 3) int capacity,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 12) Integer> itemsPerProducer,
            @ForAll @IntRange(min = 1, max = 3) int consumers) {
        BoundedBuffer<Item> buffer = new BoundedBuffer<>(capacity);
        int total = itemsPerProducer.stream().mapToInt(Integer::intValue).sum();
        List<List<Item>> received = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            received.add(Collections.synchronizedList(new ArrayList<>()));
        }
        try (Workers workers = new Workers()) {
            workers.startTogether("producer", itemsPerProducer.size(), p -> {
                for (int seq = 0; seq < itemsPerProducer.get(p); seq++) {
                    buffer.put(new Item(p, seq));
                }
            });
            workers.startTogether("consumer", consumers, c -> {
                // The consumers share the items out: the first takes what the division leaves over.
                int share = total / consumers + (c == 0 ? total % consumers : 0);
                for (int n = 0; n < share; n++) {
                    received.get(c).add(buffer.take());
                }
            });
            workers.joinAll();
        }
        for (List<Item> one : received) {
            Failures.expect(!one.contains(null), Messages.strangers(setUp(capacity, itemsPerProducer, consumers), received),
                    Messages.GUARD_AND_RECHECK);
        }
        Map<Item, Integer> seen = new HashMap<>();
        for (List<Item> one : received) {
            for (Item item : one) {
                seen.merge(item, 1, Integer::sum);
            }
        }
        String setUp = setUp(capacity, itemsPerProducer, consumers);
        for (int p = 0; p < itemsPerProducer.size(); p++) {
            for (int seq = 0; seq < itemsPerProducer.get(p); seq++) {
                int times = seen.getOrDefault(new Item(p, seq), 0);
                Failures.expect(times == 1, Messages.count(setUp, p, seq, times), Messages.GUARD_AND_RECHECK);
            }
        }
        Failures.expect(seen.size() == total, Messages.strangers(setUp, received), Messages.GUARD_AND_RECHECK);
        for (List<Item> one : received) {
            int[] last = new int[itemsPerProducer.size()];
            Arrays.fill(last, -1);
            for (Item item : one) {
                Failures.expect(item.seq() > last[item.producer()], Messages.order(setUp, one), Messages.FIFO);
                last[item.producer()] = item.seq();
            }
        }
    }

    private static String setUp(int capacity, List<Integer> itemsPerProducer, int consumers) {
        return "capacity " + capacity + ", producers putting " + itemsPerProducer + " items, " + consumers + " consumer(s)";
    }

    /** Every message this property shows. */
    private static final class Messages {
        static final String GUARD_AND_RECHECK = "every read and change of the ring under the lock, and await in a while"
                + " loop: a thread woken by a signal must look at the count again before it puts or takes.";
        static final String FIFO = "take() returns the oldest item (at head), and put() adds after the newest one (at"
                + " (head + count) % capacity).";

        static String count(String setUp, int producer, int seq, int times) {
            return "With " + setUp + ": item " + seq + " of producer " + (producer + 1) + " came out " + times
                    + " times instead of once.";
        }

        static String strangers(String setUp, List<List<Item>> received) {
            return "With " + setUp + ": the consumers took items nobody put (null, or a slot read twice): " + received;
        }

        static String order(String setUp, List<Item> one) {
            return "With " + setUp + ": one consumer got a producer's items out of order: " + one;
        }
    }
}
