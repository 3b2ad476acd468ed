package katas.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import katas.testkit.Failures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:2")
@DisplayName("PrimeCountTask: fork/join with a threshold")
class PrimeCountTaskTest {

    private static final int WORKERS = 4;
    private static final long FROM = 0;
    private static final long TO = 20_000;
    private static final long THRESHOLD = 1_000;
    private static final long PRIMES_BELOW_TO = Primes.countBetween(FROM, TO);

    /** One piece of the range, as the task handed it to the counter, and the thread that counted it. */
    private record Piece(long from, long to, Thread thread) {
        long size() {
            return to - from;
        }

        @Override
        public String toString() {
            return "[" + from + ", " + to + ")";
        }
    }

    @Test
    @DisplayName("counts every number of the range exactly once, in pieces of at most the threshold")
    void countsInPiecesOfAtMostTheThreshold() {
        ConcurrentLinkedQueue<Piece> pieces = new ConcurrentLinkedQueue<>();
        RangeCounter counter = (from, to) -> {
            pieces.add(new Piece(from, to, Thread.currentThread()));
            return Primes.countBetween(from, to);
        };

        long count = invoke(new PrimeCountTask(FROM, TO, THRESHOLD, counter));

        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingLong(Piece::from).thenComparingLong(Piece::to));
        Messages.assertCoverage(sorted);
        for (Piece piece : sorted) {
            assertThat(piece.size())
                    .withFailMessage(Messages.pieceTooLarge(piece))
                    .isLessThanOrEqualTo(THRESHOLD);
        }
        long atMost = 2 * ((TO - FROM + THRESHOLD - 1) / THRESHOLD);
        assertThat((long) sorted.size())
                .withFailMessage(Messages.tooManyPieces(sorted.size(), atMost))
                .isLessThanOrEqualTo(atMost);
        assertThat(count)
                .withFailMessage(Messages.wrongCount(count, PRIMES_BELOW_TO))
                .isEqualTo(PRIMES_BELOW_TO);
    }

    @Test
    @DisplayName("counts pieces on several workers of the pool at the same time")
    void countsPiecesOnSeveralWorkersAtOnce() {
        SplitProbe probe = new SplitProbe();
        // The first piece waits until another worker starts on a piece of its own.
        RangeCounter counter = (from, to) -> {
            probe.ran();
            if (!probe.holdIfFirst()) {
                probe.companion();
            }
            return Primes.countBetween(from, to);
        };

        long count = invoke(new PrimeCountTask(FROM, TO, THRESHOLD, counter));

        if (probe.verdict() != SplitProbe.Verdict.SPLIT) {
            throw Failures.failure(Messages.ranAlone(probe), Messages.forkThenCompute());
        }
        assertThat(count)
                .withFailMessage(Messages.wrongCount(count, PRIMES_BELOW_TO))
                .isEqualTo(PRIMES_BELOW_TO);
    }

    @Test
    @DisplayName("counts a range no longer than the threshold directly, as one piece")
    void countsASmallRangeInOnePiece() {
        ConcurrentLinkedQueue<Piece> pieces = new ConcurrentLinkedQueue<>();
        RangeCounter counter = (from, to) -> {
            pieces.add(new Piece(from, to, Thread.currentThread()));
            return Primes.countBetween(from, to);
        };

        long count = invoke(new PrimeCountTask(100, 100 + THRESHOLD, THRESHOLD, counter));

        assertThat(pieces.stream().map(Piece::toString).toList())
                .withFailMessage(Messages.smallRangeSplit(List.copyOf(pieces)))
                .containsExactly("[100, " + (100 + THRESHOLD) + ")");
        assertThat(count)
                .withFailMessage(Messages.wrongCount(count, Primes.countBetween(100, 100 + THRESHOLD)))
                .isEqualTo(Primes.countBetween(100, 100 + THRESHOLD));
    }

    /** Runs the task in a pool of {@link #WORKERS} workers of the test's own, closed afterwards. */
    private static long invoke(PrimeCountTask task) {
        try (ForkJoinPool pool = new ForkJoinPool(WORKERS)) {
            Long result = KataCalls.call("pool.invoke(new PrimeCountTask(...))",
                    "what compute() does: it returns the count of its range", () -> pool.invoke(task));
            assertThat(result)
                    .withFailMessage("compute() returned null.%nWhat to look at: return the count of the range.")
                    .isNotNull();
            return result;
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static void assertCoverage(List<Piece> sorted) {
            long next = FROM;
            for (Piece piece : sorted) {
                if (piece.from() != next || piece.size() <= 0) {
                    String problem = piece.from() < next ? "counted twice: " + piece + " overlaps what came before"
                            : piece.from() > next ? "never counted: [" + next + ", " + piece.from() + ")"
                            : "an empty piece " + piece;
                    throw Failures.failure("The pieces handed to the counter should cover [" + FROM + ", " + TO
                                    + ") exactly once, but part of the range was " + problem + ".",
                            "split [from, to) at middle = from + (to - from) / 2 into [from, middle) and [middle, to)");
                }
                next = piece.to();
            }
            if (next != TO) {
                throw Failures.failure("The pieces handed to the counter should cover [" + FROM + ", " + TO
                                + ") exactly once, but [" + next + ", " + TO + ") was never counted.",
                        "split [from, to) into [from, middle) and [middle, to), and count or split both halves");
            }
        }

        static String pieceTooLarge(Piece piece) {
            return Failures.message("The piece " + piece + " (" + piece.size() + " numbers) was counted in one go,"
                            + " though the threshold is " + THRESHOLD + ".",
                    "count directly only when to - from <= threshold; split anything longer", null);
        }

        static String tooManyPieces(int pieces, long atMost) {
            return Failures.message("[" + FROM + ", " + TO + ") was cut into " + pieces + " pieces for a threshold of "
                            + THRESHOLD + "; halving should give at most " + atMost + ".",
                    "stop splitting once a range is no longer than the threshold: every task costs some work to"
                            + " create, queue and join, and a piece of a few numbers costs more to hand out than to count",
                    null);
        }

        static String ranAlone(SplitProbe probe) {
            return "While one piece was being counted, no other worker counted another: the pool of " + WORKERS
                    + " workers counted the pieces one at a time (they ran on " + probe.threadNames() + ").";
        }

        static String forkThenCompute() {
            return "fork() one half, so that an idle worker can steal it, then compute() the other half on this"
                    + " worker, and only then join() the forked half. compute() on both halves runs them one after the"
                    + " other; fork() followed at once by join() waits for the half you just forked";
        }

        static String smallRangeSplit(List<Piece> pieces) {
            return Failures.message("A range of exactly the threshold (" + THRESHOLD + " numbers) should be counted"
                            + " as one piece, [100, " + (100 + THRESHOLD) + "), but the counter got " + pieces.size()
                            + " pieces: " + (pieces.size() > 4 ? pieces.subList(0, 4) + "..." : pieces) + ".",
                    "count directly when to - from <= threshold", null);
        }

        static String wrongCount(long count, long expected) {
            return Failures.message("The task returned " + count + ", but the range holds " + expected + " primes.",
                    "add the counts of the two halves: the computed one and the joined one", null);
        }
    }
}
