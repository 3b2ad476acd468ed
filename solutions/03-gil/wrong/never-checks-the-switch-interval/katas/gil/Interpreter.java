package katas.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A toy interpreter in the style of CPython: its threads run {@link Program}s, and a thread may only
 * execute bytecode while it holds the interpreter's {@link GlobalInterpreterLock}.
 */
final class Interpreter {

    private final GlobalInterpreterLock gil;

    /** An interpreter with a GIL of its own, with CPython's default switch interval. */
    Interpreter() {
        this(new GlobalInterpreterLock());
    }

    /** An interpreter whose threads share {@code gil}. */
    Interpreter(GlobalInterpreterLock gil) {
        this.gil = gil;
    }

    /** This interpreter's GIL. */
    GlobalInterpreterLock gil() {
        return gil;
    }

    /**
     * Runs {@code program} on the calling thread, as one of this interpreter's threads: takes the
     * GIL, then runs the steps in order. A {@link Step.Compute} runs its bytecodes holding the GIL
     * and, between two bytecodes, lets the GIL check its switch interval; a {@link Step.Io} lets go
     * of the GIL for the blocking call and takes it back before the next step. The GIL is given back
     * when the program ends, whether it returns or throws.
     */
    void execute(Program program) throws InterruptedException {
        // Bytecode touches the interpreter's shared state (reference counts, object internals): only the GIL's
        // holder may run it, so at most one thread of this interpreter computes at any moment.
        gil.acquire();
        try {
            for (Step step : program.steps()) {
                switch (step) {
                    case Step.Compute compute -> {
                        for (int i = 0; i < compute.bytecodes(); i++) {
                            compute.bytecode().run();
                        }
                    }
                    case Step.Io io -> {
                        // A blocking call needs no interpreter state: let go of the GIL while it waits, so the other
                        // threads compute, or wait on their own I/O, meanwhile. This is why threads help I/O-bound
                        // Python code.
                        gil.release();
                        try {
                            io.call().call();
                        } finally {
                            // Back to bytecode: take the GIL again first, even if the call threw.
                            gil.acquire();
                        }
                    }
                }
            }
        } finally {
            // finally: a program that throws must not leave the GIL held, or every other thread waits forever.
            gil.release();
        }
    }

    /**
     * Runs every program at the same time, each on an interpreter thread of its own named after the
     * program, and returns once all of them have ended. If programs threw, rethrows the first
     * failure (others attached as suppressed). You do not need to change this method.
     */
    void run(List<Program> programs) throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>(programs.size());
        for (Program program : programs) {
            threads.add(Thread.ofPlatform().name(program.name()).start(() -> {
                try {
                    execute(program);
                } catch (Throwable failure) {
                    failures.add(failure);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        rethrowFirst(failures);
    }

    /** Rethrows the first of {@code failures} with the others suppressed; does nothing if there are none. */
    static void rethrowFirst(ConcurrentLinkedQueue<Throwable> failures) {
        Throwable first = failures.poll();
        if (first == null) {
            return;
        }
        for (Throwable other = failures.poll(); other != null; other = failures.poll()) {
            first.addSuppressed(other);
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("a program failed: " + first, first);
    }
}
