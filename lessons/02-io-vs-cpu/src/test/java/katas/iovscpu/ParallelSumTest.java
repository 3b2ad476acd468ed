package katas.iovscpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
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
@DisplayName("Task 3: ParallelSum.sum()")
class ParallelSumTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** A range that never splits evenly into one chunk per core: n % CORES is CORES - 1. */
    private static final long N = CORES * 1_000_000L + CORES - 1;

    @Test
    @DisplayName("computes one chunk per core at the same time, on a pool of one thread per core, covers every number"
            + " once, adds up the chunks and shuts the pool down")
    void splitsTheWorkAcrossOneThreadPerCore() {
        PoolThreads threads = new PoolThreads();
        HeldChunks work = new HeldChunks(threads);
        AtomicReference<Long> result = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> {
                work.caller = Thread.currentThread();
                result.set(ParallelSum.sum(N, work, threads));
            });
            try {
                Polls.poll(() -> work.allInside.getCount() == 0 || work.ranOnCaller != null || work.foreign != null
                        || !caller.isAlive());
                if (work.ranOnCaller != null) {
                    throw Failures.failure(Messages.ranOnCaller(work.ranOnCaller), Messages.SUBMIT_EVERY_CHUNK);
                }
                if (work.foreign != null) {
                    throw Failures.failure(Messages.foreignThread(work.foreign), Messages.USE_THE_FACTORY);
                }
                if (work.allInside.getCount() > 0) {
                    work.release();
                    workers.joinAll(); // rethrows what sum() threw, if it threw
                    throw Failures.failure(Messages.tooFewAtOnce(work.inside.size()), Messages.SUBMIT_EVERY_CHUNK);
                }
            } finally {
                work.release();
            }
            workers.joinAll();
        }

        String coverage = coverageProblem(work.chunks());
        assertThat(coverage).withFailMessage(Messages.coverage(coverage)).isNull();
        long expected = HeldChunks.valueOf(0, N);
        assertThat(result.get()).withFailMessage(Messages.wrongSum(expected, result.get())).isEqualTo(expected);
        assertThat(threads.made.size()).withFailMessage(Messages.poolSize(threads.made.size())).isEqualTo(CORES);
        Thread left = Polls.firstStillAlive(threads.made);
        assertThat(left).withFailMessage(Messages.poolLeftRunning(left)).isNull();
    }

    /** What is wrong with how the chunks cover 0 to N - 1 (a gap, an overlap), or null if each number is in one chunk. */
    private static String coverageProblem(List<Chunk> chunks) {
        List<Chunk> sorted = new ArrayList<>(chunks);
        sorted.sort(Comparator.comparingLong(Chunk::from));
        long next = 0;
        for (Chunk chunk : sorted) {
            if (chunk.from() > next) {
                return numbers(next, chunk.from() - 1) + " in no chunk";
            }
            if (chunk.from() < next) {
                return numbers(chunk.from(), Math.min(next, chunk.to()) - 1) + " in two chunks";
            }
            next = Math.max(next, chunk.to());
        }
        if (next < N) {
            return numbers(next, N - 1) + " in no chunk";
        }
        return next > N ? String.format("a chunk went past the end, up to %,d", next - 1) : null;
    }

    private static String numbers(long first, long last) {
        return first == last ? String.format("the number %,d was", first)
                : String.format("the numbers %,d to %,d were", first, last);
    }

    /** One call of the work: the range it computed and the thread it ran on. */
    private record Chunk(long from, long to, Thread thread) {
    }

    /** The test's ThreadFactory: it makes the pool's threads and remembers each one. */
    private static final class PoolThreads implements ThreadFactory {

        final Set<Thread> made = ConcurrentHashMap.newKeySet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = Thread.ofPlatform().name("sum-pool-" + count.incrementAndGet()).daemon().unstarted(task);
            made.add(thread);
            return thread;
        }
    }

    /**
     * CPU-bound work whose chunks are held until one chunk per core is being computed at the same
     * moment, each on a different thread of the pool.
     */
    private static final class HeldChunks implements RangeWork {

        final CountDownLatch allInside = new CountDownLatch(1);
        final Set<Thread> inside = ConcurrentHashMap.newKeySet();
        private final ConcurrentLinkedQueue<Chunk> chunks = new ConcurrentLinkedQueue<>();
        private final PoolThreads pool;
        volatile Thread caller;
        volatile Chunk ranOnCaller;
        volatile Chunk foreign;

        HeldChunks(PoolThreads pool) {
            this.pool = pool;
        }

        /** The work itself: a sum over the range that no shortcut formula gives. */
        static long valueOf(long from, long to) {
            long sum = 0;
            for (long i = from; i < to; i++) {
                sum += (i * 31 + 7) % 1000;
            }
            return sum;
        }

        @Override
        public long compute(long from, long to) {
            Thread self = Thread.currentThread();
            Chunk chunk = new Chunk(from, to, self);
            chunks.add(chunk);
            if (self == caller) {
                if (ranOnCaller == null) {
                    ranOnCaller = chunk;
                }
                return valueOf(from, to);
            }
            if (!pool.made.contains(self)) {
                if (foreign == null) {
                    foreign = chunk;
                }
                return valueOf(from, to);
            }
            inside.add(self);
            if (inside.size() >= CORES) {
                allInside.countDown();
            }
            try {
                if (!allInside.await(2 * Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the chunk from " + from + " was never let go by the test");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held by the test", e);
            }
            return valueOf(from, to);
        }

        List<Chunk> chunks() {
            return List.copyOf(chunks);
        }

        void release() {
            allInside.countDown();
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String SUBMIT_EVERY_CHUNK = "make a fixed pool of one thread per core"
                + " (Executors.newFixedThreadPool(cores, threads)), submit one chunk per core, and only after the loop"
                + " that submits them get() each Future: a get() inside that loop waits for each chunk before starting"
                + " the next";
        static final String USE_THE_FACTORY = "build the pool with the ThreadFactory you are given:"
                + " Executors.newFixedThreadPool(cores, threads); the common ForkJoinPool and parallel streams run on"
                + " threads of their own";

        static String ranOnCaller(Chunk chunk) {
            return String.format("The chunk from %,d to %,d was computed on `caller`, the thread that called sum():"
                    + " the work ran on one core while the %s sat idle.", chunk.from(), chunk.to() - 1,
                    CORES == 2 ? "other core" : "other " + (CORES - 1) + " cores");
        }

        static String foreignThread(Chunk chunk) {
            return String.format("The chunk from %,d to %,d was computed on `%s`, which is not a thread of your pool.",
                    chunk.from(), chunk.to() - 1, chunk.thread().getName());
        }

        static String tooFewAtOnce(int inside) {
            return "After " + Delays.PATIENCE.toSeconds() + " s, only " + inside + " chunk" + (inside == 1 ? " was" : "s were")
                    + " being computed at the same moment on this " + CORES + "-core machine; one chunk per core"
                    + " should be, each on its own thread of the pool.";
        }

        static String coverage(String problem) {
            return String.format("Splitting 0 to %,d into one chunk per core went wrong: %s.", N - 1, problem)
                    + "\nWhat to look at: the chunk boundaries; with n * i / cores as the start of chunk i and"
                    + " n * (i + 1) / cores as its end, the last chunk ends at n even when n does not divide evenly.";
        }

        static String wrongSum(long expected, Long actual) {
            return String.format("sum() returned %s, but the work over 0 to %,d adds up to %,d.", actual, N - 1, expected)
                    + "\nWhat to look at: add up the result of every chunk's Future.";
        }

        static String poolSize(int made) {
            return "The pool made " + made + " thread" + (made == 1 ? "" : "s") + " on a machine with " + CORES
                    + " cores. CPU-bound work keeps a core busy all the time: fewer threads than cores leave cores idle,"
                    + " and more only take turns on the same cores, switching back and forth.\nWhat to look at: one"
                    + " thread per core, Runtime.getRuntime().availableProcessors().";
        }

        static String poolLeftRunning(Thread left) {
            return "`" + (left == null ? "?" : left.getName()) + "`, a thread of the pool, is still alive "
                    + Delays.PATIENCE.toSeconds() + " s after sum() returned: the pool was never shut down.\nWhat to"
                    + " look at: try (ExecutorService pool = ...) { ... }, or shutdown() when the results are in.";
        }
    }
}
