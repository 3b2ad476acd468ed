package katas.gil;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The demonstration of this lesson: what a GIL does to threads. It runs CPU-bound and I/O-bound
 * programs with 1, 2 and 4 threads on one interpreter, and on 1, 2 and 4 interpreters, prints each
 * time as a speed-up against one thread measured in the same run, then draws a timeline of which
 * thread held the GIL when.
 *
 * <p>It has its own small GIL and interpreter (below), finished and independent of your katas, so it
 * runs on a fresh clone: {@code bench/demo.sh 03-gil}. Only {@link Step} and {@link Program} are shared.
 */
public final class GilDemo {

    private static final int TASKS = 4;
    private static final int[] COUNTS = {1, 2, 4};
    private static final int RUNS = 3;
    /** Bytecodes of one CPU-bound task. */
    private static final int CPU_BYTECODES = 150_000;
    /** One I/O-bound task: this many rounds of a little computing and a blocking call. */
    private static final int IO_ROUNDS = 10;
    private static final Duration IO_WAIT = Duration.ofMillis(5);

    private static volatile long sink;

    private GilDemo() {
    }

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("A GIL at work: %d tasks, as a speed-up against 1 thread, measured in this run%n", TASKS);
        System.out.printf("(%d cores, JDK %s, switch interval %d ms; best of %d runs each)%n", cores,
                Runtime.version().feature(), DemoGil.SWITCH_INTERVAL.toMillis(), RUNS);
        System.out.printf("CPU-bound task: %,d bytecodes. I/O-bound task: %d rounds of 100 bytecodes and a %d ms"
                + " blocking call.%n%n", CPU_BYTECODES, IO_ROUNDS, IO_WAIT.toMillis());

        measure(2, 1, true); // warm up: let the JIT compile the bytecode loop first

        long cpuOnOne = measure(1, 1, true);
        long ioOnOne = measure(1, 1, false);
        System.out.println("                                |     CPU-bound     |     I/O-bound");
        System.out.println("--------------------------------+-------------------+------------------");
        for (int threads : COUNTS) {
            long cpu = threads == 1 ? cpuOnOne : measure(1, threads, true);
            long io = threads == 1 ? ioOnOne : measure(1, threads, false);
            row(threads + (threads == 1 ? " thread" : " threads") + " on one interpreter", cpu, cpuOnOne, io, ioOnOne);
        }
        for (int interpreters : COUNTS) {
            long cpu = measure(interpreters, 1, true);
            long io = measure(interpreters, 1, false);
            row(interpreters + (interpreters == 1 ? " interpreter" : " interpreters") + ", 1 thread each", cpu,
                    cpuOnOne, io, ioOnOne);
        }
        System.out.println();
        System.out.println("One interpreter: CPU-bound threads take turns holding the GIL, so they gain nothing; I/O-bound");
        System.out.println("threads let go of the GIL while they wait, so their waits overlap. Several interpreters, each");
        System.out.printf("with its own GIL, compute in parallel, up to the number of cores (%d here).%n%n", cores);

        timeline();
    }

    private static void row(String label, long cpu, long cpuOnOne, long io, long ioOnOne) {
        System.out.printf("%-31s | %5d ms  %5.2fx  | %5d ms  %5.2fx%n", label, cpu / 1_000_000, (double) cpuOnOne / cpu,
                io / 1_000_000, (double) ioOnOne / io);
    }

    /**
     * Runs the {@link #TASKS} tasks (CPU-bound or I/O-bound) on {@code interpreters} interpreters with
     * {@code threadsEach} threads each, the tasks dealt out in turn; returns the best wall time in ns.
     */
    private static long measure(int interpreters, int threadsEach, boolean cpuBound) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            int threads = interpreters * threadsEach;
            List<List<Step>> steps = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                steps.add(new ArrayList<>());
            }
            for (int task = 0; task < TASKS; task++) {
                steps.get(task % threads).addAll(cpuBound ? cpuTask() : ioTask());
            }
            List<DemoInterpreter> vms = new ArrayList<>();
            for (int i = 0; i < interpreters; i++) {
                vms.add(new DemoInterpreter(new DemoGil(null)));
            }
            List<Thread> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Program program = new Program("thread-" + (t + 1), steps.get(t));
                DemoInterpreter vm = vms.get(t % interpreters);
                running.add(Thread.ofPlatform().name(program.name()).start(() -> vm.execute(program)));
            }
            for (Thread thread : running) {
                thread.join();
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static List<Step> cpuTask() {
        Bytecode bytecode = new Bytecode();
        return List.of(Step.compute(CPU_BYTECODES, bytecode), Step.compute(1, bytecode::publish));
    }

    private static List<Step> ioTask() {
        Bytecode bytecode = new Bytecode();
        List<Step> steps = new ArrayList<>();
        for (int round = 0; round < IO_ROUNDS; round++) {
            steps.add(Step.compute(100, bytecode));
            steps.add(Step.io(() -> Thread.sleep(IO_WAIT)));
        }
        steps.add(Step.compute(1, bytecode::publish));
        return steps;
    }

    /**
     * One bytecode's worth of computing: a few hundred nanoseconds of xorshift, on state of the task's own, so
     * that tasks on different cores share no memory and really run in parallel.
     */
    private static final class Bytecode implements Runnable {

        private long x = System.nanoTime() | 1;

        @Override
        public void run() {
            long y = x;
            for (int i = 0; i < 200; i++) {
                y ^= y << 13;
                y ^= y >>> 7;
                y ^= y << 17;
            }
            x = y;
        }

        /** Hands the result on, so that the JIT cannot drop the computation as unused. */
        void publish() {
            sink = x;
        }
    }

    /** Draws which thread held the GIL when: two CPU-bound threads and one I/O-bound thread on one interpreter. */
    private static void timeline() throws InterruptedException {
        Recorder recorder = new Recorder();
        DemoInterpreter vm = new DemoInterpreter(new DemoGil(recorder));
        List<Step> io = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            io.add(Step.compute(10, new Bytecode()));
            io.add(Step.io(() -> Thread.sleep(Duration.ofMillis(2))));
        }
        List<Program> programs = List.of(
                new Program("cpu-1", Step.compute(CPU_BYTECODES / 2, new Bytecode())),
                new Program("cpu-2", Step.compute(CPU_BYTECODES / 2, new Bytecode())),
                new Program("io-1", io));
        recorder.start();
        List<Thread> running = new ArrayList<>();
        for (Program program : programs) {
            running.add(Thread.ofPlatform().name(program.name()).start(() -> vm.execute(program)));
        }
        for (Thread thread : running) {
            thread.join();
        }
        Duration column = recorder.columnFor(100);
        System.out.println("Who held the GIL when: cpu-1 and cpu-2 compute without pause; io-1 computes a little, then");
        System.out.printf("waits 2 ms on I/O, 8 times. One column is %d ms.%n", column.toMillis());
        System.out.println("  # runs bytecode (holds the GIL)   - waits for the GIL   . blocked in I/O (GIL released)");
        System.out.println();
        recorder.print(column, programs.stream().map(Program::name).toList());
        System.out.println();
        System.out.println("cpu-1 and cpu-2 take turns, one switch interval each. io-1's I/O overlaps their computing,");
        System.out.println("but each time its I/O ends it must queue for the GIL behind the CPU-bound threads, a switch");
        System.out.println("interval each, to run a few bytecodes (too quick to show): the convoy effect. io-1 took");
        System.out.printf("%d ms for 16 ms of I/O and almost no computing.%n", recorder.span("io-1").toMillis());
    }

    /** Records, for each thread, when it began to run, wait for the GIL, or block in I/O. */
    private static final class Recorder {

        private record Event(String thread, long at, char state) {
        }

        private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
        private long start;

        void start() {
            start = System.nanoTime();
        }

        void note(char state) {
            events.add(new Event(Thread.currentThread().getName(), System.nanoTime(), state));
        }

        /** How long {@code thread} took, from its first recorded event to its last. */
        Duration span(String thread) {
            long first = events.stream().filter(e -> e.thread().equals(thread)).mapToLong(Event::at).min().orElse(0);
            long last = events.stream().filter(e -> e.thread().equals(thread)).mapToLong(Event::at).max().orElse(0);
            return Duration.ofNanos(last - first);
        }

        /** The smallest whole number of milliseconds per column that fits the recording in {@code columns} columns. */
        Duration columnFor(int columns) {
            long end = events.stream().mapToLong(Event::at).max().orElse(start);
            long millis = Math.max(1, ((end - start) / 1_000_000 + columns - 1) / columns);
            return Duration.ofMillis(millis);
        }

        /** Prints one row per thread; each column shows the state the thread spent most of that slice in. */
        void print(Duration column, List<String> threads) {
            long end = events.stream().mapToLong(Event::at).max().orElse(start);
            int columns = (int) ((end - start) / column.toNanos()) + 1;
            Map<String, List<Event>> byThread = new LinkedHashMap<>();
            threads.forEach(name -> byThread.put(name, new ArrayList<>()));
            events.stream().sorted((a, b) -> Long.compare(a.at(), b.at()))
                    .forEach(event -> byThread.computeIfAbsent(event.thread(), name -> new ArrayList<>()).add(event));
            for (Map.Entry<String, List<Event>> thread : byThread.entrySet()) {
                StringBuilder row = new StringBuilder(String.format("%-6s|", thread.getKey()));
                for (int c = 0; c < columns; c++) {
                    row.append(mostOf(thread.getValue(), start + c * column.toNanos(), start + (c + 1) * column.toNanos()));
                }
                System.out.println(row.append('|'));
            }
        }

        /** The state that covers most of the time from {@code from} to {@code to}. */
        private static char mostOf(List<Event> events, long from, long to) {
            Map<Character, Long> time = new LinkedHashMap<>();
            char state = ' ';
            long since = from;
            for (Event event : events) {
                if (event.at() <= from) {
                    state = event.state();
                    continue;
                }
                if (event.at() >= to) {
                    break;
                }
                time.merge(state, event.at() - since, Long::sum);
                state = event.state();
                since = event.at();
            }
            time.merge(state, to - since, Long::sum);
            return time.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    /** The demonstration's own GIL: the same rules as the kata's, and it records who held it when. */
    private static final class DemoGil {

        static final Duration SWITCH_INTERVAL = Duration.ofMillis(5); // CPython's default

        private record Waiter(Thread thread, long since) {
        }

        private final Recorder recorder;
        private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
        private Thread holder;
        private long heldSince;

        DemoGil(Recorder recorder) {
            this.recorder = recorder;
        }

        synchronized void acquire() {
            note('-');
            Waiter me = new Waiter(Thread.currentThread(), System.nanoTime());
            queue.addLast(me);
            while (holder != null || queue.peekFirst() != me) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            queue.removeFirst();
            holder = me.thread();
            heldSince = System.nanoTime();
            note('#');
        }

        /** Releases the GIL; {@code next} is what the thread does next, for the timeline. */
        synchronized void release(char next) {
            holder = null;
            note(next);
            notifyAll();
        }

        synchronized void yieldIfDue() {
            Waiter first = queue.peekFirst();
            if (first == null || System.nanoTime() - Math.max(heldSince, first.since()) < SWITCH_INTERVAL.toNanos()) {
                return;
            }
            release('-');
            acquire();
        }

        private void note(char state) {
            if (recorder != null) {
                recorder.note(state);
            }
        }
    }

    /** The demonstration's own interpreter: runs a program's steps under its GIL, releasing it around I/O. */
    private record DemoInterpreter(DemoGil gil) {

        void execute(Program program) {
            gil.acquire();
            try {
                for (Step step : program.steps()) {
                    switch (step) {
                        case Step.Compute compute -> {
                            for (int i = 0; i < compute.bytecodes(); i++) {
                                compute.bytecode().run();
                                gil.yieldIfDue();
                            }
                        }
                        case Step.Io io -> {
                            gil.release('.');
                            try {
                                io.call().call();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                gil.acquire();
                            }
                        }
                    }
                }
            } finally {
                gil.release(' ');
            }
        }
    }
}
