package katas.gil;

import java.util.List;

/**
 * Several interpreters in one JVM, each with a GIL of its own: the analogue of Python's
 * {@code multiprocessing} (one interpreter per process), and of the per-interpreter GIL of
 * Python 3.12+ ({@code concurrent.interpreters} in 3.14).
 */
final class InterpreterPool {

    private InterpreterPool() {
    }

    /**
     * Runs {@code programs} spread over {@code interpreters} new interpreters, each with a GIL of its
     * own: program {@code i} runs on interpreter {@code i % interpreters}. Every interpreter runs its
     * programs at the same time as the others, and this returns once every program has ended. If
     * programs threw, rethrows the first failure (see {@link Interpreter#rethrowFirst}).
     */
    static void runAll(List<Program> programs, int interpreters) throws InterruptedException {
        // TODO: make `interpreters` new Interpreters, give interpreter k the programs i with i % interpreters == k, run every interpreter on a thread of its own at the same time, join them all, rethrow the first failure.
        throw new UnsupportedOperationException("TODO: run the programs on several interpreters, each with its own GIL");
    }
}
