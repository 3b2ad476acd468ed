package katas.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.HangReport;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The game runs on a rule the test owns. Each call says which generation of which row is being computed,
 * and the rule checks that every row of the previous generation is done and that the board it is given is
 * exactly the previous generation. In every generation it holds the thread that computes the last row until
 * every other worker has either stopped (waiting at the barrier) or run ahead into the next generation: so
 * a missing or miscounted barrier is caught on every run, whatever the scheduler does.
 */
@Tag("task:1")
@DisplayName("Task 1: LockstepLife, Game of Life rows in lock-step rounds")
class LockstepLifeTest {

    private static final int THREADS = 3;
    private static final int GENERATIONS = 4;
    /** A glider (top left) and a blinker (bottom right) on an 8 x 8 board. */
    private static final boolean[][] START = board(
            ".#......",
            "..#.....",
            "###.....",
            "........",
            "........",
            "......#.",
            "......#.",
            "......#.");

    @Test
    @DisplayName("refuses fewer than 1 thread")
    void refuses_no_threads() {
        assertThat(catchThrowable(() -> new LockstepLife(LifeRule.CONWAY, 0)))
                .withFailMessage(Messages.ZERO_THREADS).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "with {0} thread(s)")
    @ValueSource(ints = {1, 2, 3, 5})
    @DisplayName("computes the same board as a plain loop on one thread")
    void matches_the_sequential_game(int threads) {
        boolean[][] result = runOnAWorker(new LockstepLife(LifeRule.CONWAY, threads), GENERATIONS);
        boolean[][] expected = sequential(START, GENERATIONS).get(GENERATIONS);
        assertThat(result).withFailMessage(Messages.wrongBoard(threads, result, expected)).isDeepEqualTo(expected);
        assertThat(START).withFailMessage(Messages.START_CHANGED).isDeepEqualTo(sequential(START, 0).get(0));
    }

    @Test
    @DisplayName("after 0 generations returns the start board")
    void zero_generations() {
        boolean[][] result = runOnAWorker(new LockstepLife(LifeRule.CONWAY, THREADS), 0);
        assertThat(result).withFailMessage(Messages.ZERO_GENERATIONS).isDeepEqualTo(START);
    }

    @Test
    @DisplayName("starts no generation before every row of the previous one is done, and reads only whole generations")
    void advances_in_lock_step() throws InterruptedException {
        List<boolean[][]> expected = sequential(START, GENERATIONS);
        WatchingRule rule = new WatchingRule(expected);
        LockstepLife life = new LockstepLife(rule, THREADS);
        AtomicReference<boolean[][]> result = new AtomicReference<>();
        AssertionError stuck;
        Throwable callerFailed;
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> result.set(life.run(START, GENERATIONS)));
            stuck = joinOrReport(caller);
            callerFailed = catchThrowable(workers::joinAll);
        }
        // A broken lock-step explains everything after it (a hang, a worker's exception, a wrong board): report it first.
        if (!rule.violations.isEmpty()) {
            throw Failures.failure(rule.violations.get(0), Messages.LOCK_STEP,
                    String.join(System.lineSeparator(), rule.violations), null);
        }
        if (stuck != null) {
            throw stuck;
        }
        if (callerFailed != null) {
            throw Failures.failure("run() failed: " + callerFailed.getMessage(), Messages.PARTIES, null, callerFailed);
        }
        assertThat(rule.threads).withFailMessage(Messages.threadsUsed(rule.threads.size())).hasSize(THREADS);
        assertThat(result.get()).withFailMessage(Messages.wrongBoard(THREADS, result.get(), expected.get(GENERATIONS)))
                .isDeepEqualTo(expected.get(GENERATIONS));
    }

    /** Joins the caller of run(); if it is still running after the patience delay, returns a failure that says why. */
    private static AssertionError joinOrReport(Thread caller) throws InterruptedException {
        caller.join(Delays.PATIENCE);
        if (!caller.isAlive()) {
            return null;
        }
        AssertionError failure = Failures.failure(Messages.stuck(), Messages.PARTIES, HangReport.capture(), null);
        caller.interrupt(); // run() is in join(): let it end, so the test can finish
        caller.join(Delays.PATIENCE);
        return failure;
    }

    private static boolean[][] runOnAWorker(LockstepLife life, int generations) {
        try {
            return Waits.returnsPromptly("caller", "run(start, " + generations + ")", () -> life.run(START, generations));
        } catch (IllegalStateException workerFailed) {
            throw Failures.failure("run() failed: " + workerFailed + (workerFailed.getCause() == null ? ""
                    : " caused by " + workerFailed.getCause()), Messages.PARTIES);
        }
    }

    /**
     * Conway's rule, watched: it checks each call against the generations computed by a plain loop, and holds
     * the thread computing the last row until the other workers have settled.
     */
    private static final class WatchingRule implements LifeRule {

        /** What went wrong, in order; only the first few of each run, which say it all. */
        final List<String> violations = Collections.synchronizedList(new ArrayList<>() {
            @Override
            public boolean add(String violation) {
                return size() < 8 && super.add(violation);
            }
        });
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private final List<boolean[][]> generations;
        private final int[] started;
        private final int[] done;

        WatchingRule(List<boolean[][]> generations) {
            this.generations = generations;
            this.started = new int[START.length];
            this.done = new int[START.length];
        }

        @Override
        public boolean[] nextRow(boolean[][] current, int row) {
            Thread self = Thread.currentThread();
            threads.add(self);
            int generation;
            synchronized (this) {
                generation = ++started[row];
                for (int other = 0; other < done.length; other++) {
                    if (done[other] < generation - 1) {
                        violations.add(Messages.ranAhead(self.getName(), generation, row, other));
                        break;
                    }
                }
            }
            if (generation > GENERATIONS) {
                violations.add(Messages.tooOften(self.getName(), row));
            } else if (!Arrays.deepEquals(current, generations.get(generation - 1))) {
                violations.add(Messages.wrongGeneration(self.getName(), generation, row));
            }
            if (row == START.length - 1) {
                holdUntilOthersSettle(self);
            }
            boolean[] next = LifeRule.CONWAY.nextRow(current, row);
            synchronized (this) {
                done[row]++;
            }
            return next;
        }

        /**
         * Holds this worker (the one computing the last row) until every other worker is waiting somewhere outside
         * this rule (at the barrier, for a correct run) or has ended, twice in a row; or until some call broke the
         * lock-step. A worker that runs ahead into the next generation calls this rule and is caught there.
         */
        private void holdUntilOthersSettle(Thread self) {
            long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
            boolean settledBefore = false;
            while (violations.isEmpty()) {
                boolean settled = threads.size() >= THREADS;
                for (Thread other : threads) {
                    if (other != self && !isSettled(other)) {
                        settled = false;
                    }
                }
                if (settled && settledBefore) {
                    return;
                }
                settledBefore = settled;
                if (System.nanoTime() > deadline) {
                    violations.add(Messages.neverSettled(threads.size()));
                    return;
                }
                Thread.onSpinWait();
                Thread.yield();
            }
        }

        private static boolean isSettled(Thread thread) {
            return switch (thread.getState()) {
                case TERMINATED -> true;
                case WAITING, TIMED_WAITING, BLOCKED -> Arrays.stream(thread.getStackTrace())
                        .noneMatch(frame -> frame.getClassName().equals(WatchingRule.class.getName()));
                case NEW, RUNNABLE -> false;
            };
        }
    }

    /** Generations 0 to {@code count} of the game, computed by a plain loop on this thread. */
    private static List<boolean[][]> sequential(boolean[][] start, int count) {
        List<boolean[][]> generations = new ArrayList<>();
        boolean[][] board = new boolean[start.length][];
        for (int row = 0; row < start.length; row++) {
            board[row] = start[row].clone();
        }
        generations.add(board);
        for (int generation = 1; generation <= count; generation++) {
            boolean[][] previous = generations.get(generation - 1);
            boolean[][] next = new boolean[previous.length][];
            for (int row = 0; row < previous.length; row++) {
                next[row] = LifeRule.CONWAY.nextRow(previous, row);
            }
            generations.add(next);
        }
        return generations;
    }

    private static boolean[][] board(String... rows) {
        boolean[][] board = new boolean[rows.length][];
        for (int row = 0; row < rows.length; row++) {
            board[row] = new boolean[rows[row].length()];
            for (int column = 0; column < rows[row].length(); column++) {
                board[row][column] = rows[row].charAt(column) == '#';
            }
        }
        return board;
    }

    private static String show(boolean[][] board) {
        if (board == null) {
            return "(nothing)";
        }
        StringBuilder text = new StringBuilder();
        for (boolean[] row : board) {
            text.append("\n    ");
            if (row == null) {
                text.append("(no row)");
                continue;
            }
            for (boolean cell : row) {
                text.append(cell ? '#' : '.');
            }
        }
        return text.toString();
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String ZERO_THREADS = "new LockstepLife(rule, 0) should throw IllegalArgumentException";
        static final String START_CHANGED = "run() must not change the start board it was given";
        static final String ZERO_GENERATIONS = "run(start, 0) should return a board equal to the start";
        static final String LOCK_STEP = "every worker must wait at ONE CyclicBarrier, created with one party per worker"
                + " thread, after computing its band and before starting the next generation; and the boards must be"
                + " swapped exactly once per generation, by the barrier's action, while every worker waits.";
        static final String PARTIES = "the barrier must have exactly one party per worker thread (new CyclicBarrier("
                + "threads, swap)), and every worker must await() it once per generation.";

        static String ranAhead(String thread, int generation, int row, int unfinished) {
            return "`" + thread + "` started generation " + generation + " (row " + row + ") while row " + unfinished
                    + " of generation " + (generation - 1) + " was not done yet: it ran ahead of the others.";
        }

        static String wrongGeneration(String thread, int generation, int row) {
            return "`" + thread + "` computed row " + row + " of generation " + generation + " from a board that is not"
                    + " generation " + (generation - 1) + ": it read a half-written board, or boards that were not"
                    + " swapped (or were swapped twice).";
        }

        static String tooOften(String thread, int row) {
            return "`" + thread + "` computed row " + row + " more than " + GENERATIONS + " times, one per generation.";
        }

        static String neverSettled(int seen) {
            return "While one worker computed the last row, the other workers neither waited (at the barrier) nor ran"
                    + " ahead within " + Waits.inWords(Delays.PATIENCE) + " (" + seen + " of " + THREADS
                    + " worker threads seen so far).";
        }

        static String stuck() {
            return "run(start, " + GENERATIONS + ") with " + THREADS + " threads did not return within "
                    + Waits.inWords(Delays.PATIENCE) + ": its workers are stuck (at the barrier?). "
                    + HangReport.headline();
        }

        static String threadsUsed(int seen) {
            return "run() with " + THREADS + " threads should compute the rows on " + THREADS + " worker threads, but "
                    + seen + " thread(s) computed rows.";
        }

        static String wrongBoard(int threads, boolean[][] actual, boolean[][] expected) {
            return "After " + GENERATIONS + " generations with " + threads + " thread(s) the board should be:"
                    + show(expected) + "\nbut run() returned:" + show(actual)
                    + "\nWhat to look at: wait at the barrier after each band, and swap the boards in the barrier's"
                    + " action, once per generation.";
        }
    }
}
