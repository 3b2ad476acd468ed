package katas.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

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
        List<List<Program>> shares = new ArrayList<>(interpreters);
        for (int k = 0; k < interpreters; k++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < programs.size(); i++) {
            shares.get(i % interpreters).add(programs.get(i));
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> running = new ArrayList<>(interpreters);
        for (int k = 0; k < interpreters; k++) {
            // A new Interpreter makes a new GIL: threads of different interpreters never wait for each other's
            // GIL, so their bytecode runs in parallel on as many cores as there are.
            Interpreter interpreter = new Interpreter();
            List<Program> share = shares.get(k);
            // Start every interpreter before joining any: joining in this loop would run them one after another.
            running.add(Thread.ofPlatform().name("interpreter-" + (k + 1)).start(() -> {
                try {
                    interpreter.run(share);
                } catch (Throwable failure) {
                    failures.add(failure);
                }
            }));
        }
        for (Thread interpreter : running) {
            interpreter.join();
        }
        Interpreter.rethrowFirst(failures);
    }
}
