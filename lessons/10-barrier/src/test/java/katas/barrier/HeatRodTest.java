package katas.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import katas.testkit.Failures;
import katas.testkit.Schedules;
import katas.testkit.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;

/**
 * A swap at the wrong moment goes wrong only when a worker reads the array before the swap is done, which on a
 * real machine happens on some runs and not others. Fray runs the simulation under hundreds of schedules of the
 * two threads, so the schedule that goes wrong is found on every run of the test.
 */
@Tag("task:2")
@DisplayName("Task 2: HeatRod, swapping the arrays at the one safe moment")
@ExtendWith(FrayTestExtension.class)
class HeatRodTest {

    /** A short rod, ends held at 100 and 20 degrees, with uneven temperatures inside, so that every stale read shows. */
    private static final double[] SMALL_ROD = {100, 0, 60, 10, 80, 20};
    private static final int SMALL_STEPS = 2;

    @ParameterizedTest(name = "{0} thread(s), {1} steps")
    @CsvSource({"1, 10", "2, 25", "3, 25", "4, 40"})
    @DisplayName("gives the same temperatures as a plain loop on one thread")
    void matches_the_sequential_simulation(int threads, int steps) {
        double[] start = new double[14];
        start[0] = 100;
        start[13] = 20;
        double[] result = Waits.returnsPromptly("caller", "simulate(rod, " + steps + ")",
                () -> new HeatRod(threads).simulate(start, steps));
        double[] expected = sequential(start, steps);
        assertThat(result).withFailMessage(Messages.wrong(threads, steps, result, expected)).isEqualTo(expected);
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("two threads give the plain loop's temperatures in every schedule Fray tries")
    void two_threads_in_every_schedule() throws InterruptedException {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray.
        double[] result = new HeatRod(2).simulate(SMALL_ROD, SMALL_STEPS);
        double[] expected = sequential(SMALL_ROD, SMALL_STEPS);
        if (!Arrays.equals(result, expected)) {
            throw new AssertionError(Messages.wrong(2, SMALL_STEPS, result, expected));
        }
    }

    /** The same steps as a plain loop on this thread: the temperatures every correct run must give, to the bit. */
    private static double[] sequential(double[] start, int steps) {
        double[] current = start.clone();
        for (int step = 1; step <= steps; step++) {
            double[] next = current.clone();
            for (int i = 1; i < current.length - 1; i++) {
                next[i] = current[i] + (current[i - 1] - 2 * current[i] + current[i + 1]) / 4;
            }
            current = next;
        }
        return current;
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String SWAP_IN_ACTION = "after await() returns, the other workers may already be reading `current`"
                + " for the next step before a worker's swap has happened (and a swap before await() changes the arrays"
                + " under workers that are still computing). Swap in the barrier's action: new CyclicBarrier(threads,"
                + " swap) runs it once per step, in the last thread to arrive, while every other worker waits. The"
                + " barrier has one party per worker thread, not one more for the caller.";

        static String wrong(int threads, int steps, double[] actual, double[] expected) {
            return Failures.message("After " + steps + " steps with " + threads + " thread(s) the rod should read "
                    + Arrays.toString(expected) + " but simulate() returned " + Arrays.toString(actual)
                    + ": a worker computed a step from an array that was not the previous step.", SWAP_IN_ACTION, null);
        }
    }
}
