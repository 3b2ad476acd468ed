package katas.barrier;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import katas.testkit.Failures;
import katas.testkit.Workers;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * For every small number of parties and rounds: all the parties go through every round together, each round
 * hands out every arrival index from 0 to parties - 1 exactly once, and the action runs once per round.
 */
@Tag("task:3")
@Label("Task 3: Barrier, round after round")
class BarrierPropertyTest {

    // Shrinking off: a barrier that strands a party fails after the patience delay, and shrinking would pay it again
    // for every smaller case it tried.
    @Property(tries = 20, shrinking = ShrinkingMode.OFF)
    @Label("each round hands out the indexes 0 to parties - 1 once each, and runs the action once")
    void every_round_hands_out_every_index_once(@ForAll @IntRange(min = 1, max = 4) int parties,
            @ForAll @IntRange(min = 1, max = 3) int rounds) {
        AtomicInteger actions = new AtomicInteger();
        Barrier barrier = new Barrier(parties, actions::incrementAndGet);
        int[][] indexes = new int[rounds][parties];
        try (Workers workers = new Workers()) {
            workers.startTogether("party", parties, party -> {
                for (int round = 0; round < rounds; round++) {
                    indexes[round][party] = barrier.await();
                }
            });
            workers.joinAll();
        }
        for (int round = 0; round < rounds; round++) {
            int[] handedOut = indexes[round].clone();
            Arrays.sort(handedOut);
            for (int i = 0; i < parties; i++) {
                if (handedOut[i] != i) {
                    throw Failures.failure("With " + parties + " parties, round " + (round + 1) + " of " + rounds
                            + " handed out the indexes " + Arrays.toString(indexes[round]) + ": each of 0 to "
                            + (parties - 1) + " should appear exactly once.", Messages.INDEX);
                }
            }
        }
        if (actions.get() != rounds) {
            throw Failures.failure("With " + parties + " parties, " + rounds + " rounds ran the action " + actions.get()
                    + " times instead of " + rounds + ".", Messages.ACTION);
        }
    }

    /** Every message this property shows. */
    private static final class Messages {
        static final String INDEX = "take the index from the count of arrivals in the round (0 for the first), and"
                + " start every round from 0 again: the last arrival resets the count when it releases the round.";
        static final String ACTION = "the action runs exactly once per round, in the last arrival, before it releases"
                + " the others.";
    }
}
