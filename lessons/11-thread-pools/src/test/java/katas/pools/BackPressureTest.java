package katas.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("Task 3: BackPressure.boundedPool()")
class BackPressureTest {

    private static final int WORKERS = 2;
    private static final int CAPACITY = 2;
    /** The first task that finds both workers busy and the queue full. */
    private static final int FIRST_PUSHED_BACK = WORKERS + CAPACITY + 1;
    private static final int FLOOD = 100;

    private final MadeThreads threads = new MadeThreads("pool-thread");
    private final Holds holds = new Holds();
    private final Map<Integer, Thread> ranOn = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
    private ExecutorService pool;

    @AfterEach
    void stopThePool() throws InterruptedException {
        holds.releaseAll();
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Task {@code i}: records where it ran, then is held until the test lets it go. */
    private Runnable task(int i) {
        return () -> {
            ranOn.put(i, Thread.currentThread());
            runs.computeIfAbsent(i, key -> new AtomicInteger()).incrementAndGet();
            try {
                holds.hold(name(i));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static String name(int i) {
        return "task " + i;
    }

    @Test
    @DisplayName("makes the submitter run a task itself when both workers are busy and the queue is full")
    void pushesBackOnTheSubmitter() {
        pool = BackPressure.boundedPool(WORKERS, CAPACITY, threads);
        AtomicReference<RejectedExecutionException> rejected = new AtomicReference<>();
        AtomicInteger submitted = new AtomicInteger();
        try (Workers workers = new Workers()) {
            Thread producer = workers.start("producer", () -> {
                for (int i = 1; i <= FLOOD; i++) {
                    try {
                        pool.execute(task(i));
                    } catch (RejectedExecutionException refused) {
                        rejected.set(refused);
                        return;
                    }
                    submitted.incrementAndGet();
                }
            });
            try {
                // Tasks 1 and 2 keep both workers busy, 3 and 4 fill the queue: task 5 has nowhere to go.
                Probes.poll(() -> heldOnProducer(producer) || !producer.isAlive() || threads.count() > WORKERS);
                if (rejected.get() != null) {
                    throw Failures.failure(Messages.rejected(submitted.get() + 1), Messages.LOOK_CALLER_RUNS);
                }
                if (!producer.isAlive()) {
                    workers.joinAll(); // rethrows what the producer's calls threw, such as "not written yet"
                    throw floodSwallowedOrDropped(submitted.get());
                }
                if (threads.count() > WORKERS) {
                    throw Failures.failure(Messages.extraThreads(threads.count()), Messages.LOOK_CORE_EQUALS_MAX);
                }
                int firstOnProducer = ranOn.entrySet().stream().filter(e -> e.getValue() == producer)
                        .mapToInt(Map.Entry::getKey).min().orElseThrow();
                assertThat(firstOnProducer)
                        .withFailMessage(() -> Messages.wrongCapacity(firstOnProducer))
                        .isEqualTo(FIRST_PUSHED_BACK);
                assertThat(holds.started(name(WORKERS + 1)) || holds.started(name(WORKERS + 2)))
                        .withFailMessage(Messages.queuedRan())
                        .isFalse();
            } finally {
                holds.releaseAll();
            }
            workers.joinAll();
        }
        pool.shutdown();
        boolean ended = Probes.poll(pool::isTerminated);
        assertThat(ended).withFailMessage("The pool did not finish the flood's tasks once they were let go.").isTrue();
        for (int i = 1; i <= FLOOD; i++) {
            int times = runs.containsKey(i) ? runs.get(i).get() : 0;
            int task = i;
            assertThat(times).withFailMessage(() -> Messages.notOnce(task, times)).isEqualTo(1);
        }
        assertThat(threads.count()).withFailMessage(() -> Messages.extraThreads(threads.count())).isEqualTo(WORKERS);
    }

    /** True once some task is held on the producer's own thread: the pool pushed back. */
    private boolean heldOnProducer(Thread producer) {
        return holds.holding().stream().anyMatch(held -> holds.threadOf(held).orElse(null) == producer);
    }

    /**
     * The producer got through the whole flood while both workers were held: the tasks went into an
     * unbounded queue, or were thrown away. Letting the workers go tells which.
     */
    private AssertionError floodSwallowedOrDropped(int submitted) {
        holds.releaseAll();
        pool.shutdown();
        Probes.poll(pool::isTerminated);
        long ran = runs.size();
        if (ran >= FLOOD) {
            return Failures.failure(Messages.swallowed(submitted), Messages.LOOK_BOUNDED_QUEUE);
        }
        return Failures.failure(Messages.dropped(submitted, ran), Messages.LOOK_CALLER_RUNS);
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String LOOK_CALLER_RUNS = "give the ThreadPoolExecutor a new ThreadPoolExecutor.CallerRunsPolicy():"
                + " a task that finds the pool full then runs on the submitting thread, which cannot submit more"
                + " meanwhile";
        static final String LOOK_BOUNDED_QUEUE = "give the ThreadPoolExecutor a bounded queue,"
                + " new ArrayBlockingQueue<>(queueCapacity); Executors.newFixedThreadPool() uses an unbounded"
                + " LinkedBlockingQueue";
        static final String LOOK_CORE_EQUALS_MAX = "set corePoolSize and maximumPoolSize both to `workers`: a"
                + " ThreadPoolExecutor adds threads up to its maximum when the queue is full, before it pushes back";

        static String rejected(int task) {
            return "execute() threw RejectedExecutionException for task " + task + ", the first one that found both"
                    + " workers busy and the queue full: the default AbortPolicy refuses the task, and the producer"
                    + " has to deal with an exception instead of slowing down.";
        }

        static String swallowed(int submitted) {
            return "The producer submitted all " + submitted + " tasks while both workers were busy with tasks 1 and"
                    + " 2: the queue swallowed the whole flood (" + (submitted - WORKERS) + " tasks waiting in memory)"
                    + " and never slowed the producer down. With a faster producer it grows until memory runs out.";
        }

        static String dropped(int submitted, long ran) {
            return "The producer submitted all " + submitted + " tasks while both workers were busy, but only " + ran
                    + " of them ever ran: the pool threw the others away without a word (DiscardPolicy).";
        }

        static String extraThreads(int made) {
            return "The pool made " + made + " threads, but it was asked for " + WORKERS + " workers: when the queue"
                    + " filled up it grew extra threads instead of pushing back.";
        }

        static String wrongCapacity(int first) {
            return "The producer had to run task " + first + " itself, but with " + WORKERS + " busy workers and a"
                    + " queue of " + CAPACITY + " the first task with nowhere to go is task " + FIRST_PUSHED_BACK
                    + ".\nWhat to look at: a queue that holds exactly queueCapacity tasks,"
                    + " new ArrayBlockingQueue<>(queueCapacity).";
        }

        static String queuedRan() {
            return "A queued task started while both workers were still busy.\nWhat to look at: exactly `workers`"
                    + " threads; queued tasks wait for one of them.";
        }

        static String notOnce(int task, int times) {
            return "Task " + task + " of the flood ran " + times + " times; every submitted task must run exactly"
                    + " once, on a worker or on the producer.\nWhat to look at: CallerRunsPolicy runs a task the"
                    + " pool cannot take; DiscardPolicy and DiscardOldestPolicy lose tasks.";
        }
    }
}
