package katas.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("Task 3: InterpreterPool.runAll()")
class InterpreterPoolTest {

    @Test
    @DisplayName("runs two programs on two interpreters, each with its own GIL, executing bytecode at the same moment")
    void twoInterpretersRunInParallel() {
        HeldPrograms held = new HeldPrograms(2, 2);
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> InterpreterPool.runAll(held.programs, 2));
            try {
                GilThreads.poll(() -> held.enoughInside() || held.waitingForAGil() != null || !caller.isAlive());
                String waiter = held.waitingForAGil();
                if (!held.enoughInside() && waiter != null) {
                    throw Failures.failure(Messages.sharedGil(waiter, held.insideNames()), Messages.OWN_GIL);
                }
                if (!held.enoughInside()) {
                    String notInParallel = Messages.notInParallel(held.insideNames(), held.started.keySet());
                    held.release();
                    workers.joinAll(); // rethrows what runAll() threw, such as "not written yet"
                    throw Failures.failure(notInParallel, Messages.START_ALL_FIRST);
                }
                held.assertStillRunning(caller);
            } finally {
                held.release();
            }
            workers.joinAll();
        }
        held.assertEveryProgramRan();
    }

    @Test
    @DisplayName("spreads 4 programs over 2 interpreters, program i on interpreter i % 2: two run at once, two wait")
    void spreadsProgramsOverTheInterpreters() {
        HeldPrograms held = new HeldPrograms(4, 2);
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> InterpreterPool.runAll(held.programs, 2));
            try {
                GilThreads.poll(() -> held.inside.get() > 2 || (held.enoughInside() && held.othersWaitForAGil())
                        || !caller.isAlive());
                if (held.inside.get() > 2) {
                    throw Failures.failure(Messages.tooManyInterpreters(held.insideNames()), Messages.SPREAD);
                }
                if (!held.enoughInside() || !held.othersWaitForAGil()) {
                    String notTwoAtOnce = Messages.notTwoAtOnce(held.insideNames());
                    held.release();
                    workers.joinAll(); // rethrows what runAll() threw, such as "not written yet"
                    throw Failures.failure(notTwoAtOnce, Messages.SPREAD);
                }
                List<Integer> inside = held.insideIndexes();
                if (inside.get(0) % 2 == inside.get(1) % 2) {
                    throw Failures.failure(Messages.wrongSpread(held.insideNames()), Messages.SPREAD);
                }
                held.assertStillRunning(caller);
            } finally {
                held.release();
            }
            workers.joinAll();
        }
        held.assertEveryProgramRan();
    }

    /**
     * Programs named {@code program-1} to {@code program-N} that first register (in an I/O step, without
     * the GIL), then execute one bytecode that holds them inside until {@code expectedInside} programs
     * are executing bytecode at the same moment, or the test lets go.
     */
    private static final class HeldPrograms {

        final List<Program> programs = new ArrayList<>();
        final Map<String, Thread> started = new ConcurrentHashMap<>();
        final AtomicInteger inside = new AtomicInteger();
        private final Set<String> insideNow = ConcurrentHashMap.newKeySet();
        private final Set<String> ran = ConcurrentHashMap.newKeySet();
        private final CountDownLatch letGo = new CountDownLatch(1);
        private final int expectedInside;

        HeldPrograms(int count, int expectedInside) {
            this.expectedInside = expectedInside;
            for (int i = 1; i <= count; i++) {
                String name = "program-" + i;
                programs.add(new Program(name,
                        Step.io(() -> started.put(name, Thread.currentThread())),
                        Step.compute(1, () -> bytecode(name))));
            }
        }

        private void bytecode(String name) {
            insideNow.add(name);
            inside.incrementAndGet();
            try {
                if (!letGo.await(2 * Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("`" + name + "` was held inside its bytecode and never let go");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held by the test", e);
            } finally {
                ran.add(name);
            }
        }

        boolean enoughInside() {
            return inside.get() >= expectedInside;
        }

        /**
         * The threads of the programs, by program name: those that registered in their I/O step, and those
         * found by name (Interpreter.run() names a thread after its program) that are still waiting to
         * take the GIL before their first step.
         */
        private Map<String, Thread> programThreads() {
            Map<String, Thread> threads = new HashMap<>(started);
            if (threads.size() < programs.size()) {
                for (Thread thread : Thread.getAllStackTraces().keySet()) {
                    if (thread.getName().startsWith("program-") && thread.isAlive()) {
                        threads.putIfAbsent(thread.getName(), thread);
                    }
                }
            }
            return threads;
        }

        /** A program that waits for a GIL while another program executes bytecode, or null. */
        String waitingForAGil() {
            if (inside.get() == 0) {
                return null;
            }
            for (Map.Entry<String, Thread> program : programThreads().entrySet()) {
                if (!insideNow.contains(program.getKey()) && GilThreads.isWaitingForAGil(program.getValue())) {
                    return program.getKey();
                }
            }
            return null;
        }

        /** Whether every program started and not executing bytecode is waiting for a GIL. */
        boolean othersWaitForAGil() {
            long waiting = programThreads().entrySet().stream()
                    .filter(program -> !insideNow.contains(program.getKey()))
                    .filter(program -> GilThreads.isWaitingForAGil(program.getValue()))
                    .count();
            return waiting == programs.size() - expectedInside;
        }

        List<String> insideNames() {
            return insideNow.stream().sorted().toList();
        }

        List<Integer> insideIndexes() {
            return insideNames().stream().map(name -> Integer.parseInt(name.substring("program-".length()))).toList();
        }

        void release() {
            letGo.countDown();
        }

        void assertStillRunning(Thread caller) {
            if (caller.getState() == Thread.State.TERMINATED) {
                throw Failures.failure(Messages.RETURNED_EARLY, Messages.JOIN_ALL);
            }
        }

        void assertEveryProgramRan() {
            assertThat(ran).withFailMessage(Messages.notAllRan(ran, programs.size())).hasSize(programs.size());
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String OWN_GIL = "give every interpreter a GIL of its own: new Interpreter() for each one (it makes"
                + " a new GlobalInterpreterLock); one interpreter for all the programs, or one GIL passed to all of"
                + " them, makes their threads take turns";
        static final String START_ALL_FIRST = "start every interpreter on a thread of its own before joining any of"
                + " them: a join() in the loop that starts them runs the interpreters one after another";
        static final String SPREAD = "make exactly the number of interpreters asked for, and give interpreter k the"
                + " programs i with i % interpreters == k; each interpreter runs its share with run()";
        static final String RETURNED_EARLY = "runAll() returned while programs were still executing bytecode: it must"
                + " wait until every program has ended.";
        static final String JOIN_ALL = "join every interpreter's thread before returning";

        static String sharedGil(String waiter, List<String> inside) {
            return "`" + waiter + "` waited for a GIL while " + names(inside) + " executed bytecode: the programs ran on"
                    + " interpreters that share one GIL, so they take turns instead of running in parallel.";
        }

        static String notInParallel(List<String> inside, Set<String> started) {
            return "After " + Delays.PATIENCE.toSeconds() + " s, " + (inside.isEmpty() ? "no program" : "only "
                    + names(inside)) + " was executing bytecode (programs started: " + started.stream().sorted().toList()
                    + "); both"
                    + " programs should run at the same moment, each on its own interpreter.";
        }

        static String tooManyInterpreters(List<String> inside) {
            return names(inside) + " executed bytecode at the same moment, but 4 programs on 2 interpreters should run"
                    + " at most 2 at a time: there were more interpreters (more GILs) than asked for.";
        }

        static String notTwoAtOnce(List<String> inside) {
            return "With 4 programs on 2 interpreters, two programs should execute bytecode at once while the two"
                    + " others wait for their interpreter's GIL, but " + (inside.isEmpty() ? "none" : names(inside))
                    + " did after " + Delays.PATIENCE.toSeconds() + " s.";
        }

        static String wrongSpread(List<String> inside) {
            return names(inside) + " executed bytecode at the same moment, so they ran on different interpreters; with"
                    + " program i on interpreter i % 2, program-1 and program-3 share one interpreter, and program-2"
                    + " and program-4 the other.";
        }

        static String notAllRan(Set<String> ran, int count) {
            return "Only " + ran.stream().sorted().toList() + " of the " + count + " programs ran.\nWhat to look at:"
                    + " every program goes to exactly one interpreter.";
        }

        private static String names(List<String> programs) {
            return String.join(" and ", programs.stream().map(name -> "`" + name + "`").toList());
        }
    }
}
