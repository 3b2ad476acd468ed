package katas.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:4")
@DisplayName("Lookups: blocking calls kept out of the common pool")
class LookupsTest {

    /**
     * More lookups than the common pool has threads, and than the machine has cores, with room to
     * spare: a pool sized for CPU work cannot hold them all waiting at once.
     */
    private static final int LOOKUPS = 4 * Math.max(Runtime.getRuntime().availableProcessors(),
            ForkJoinPool.getCommonPoolParallelism() + 1) + 4;

    @Test
    @DisplayName("keeps every lookup waiting at the same time, none on the common pool, and answers in key order")
    void runsEveryLookupAtOnceOffTheCommonPool() {
        List<String> keys = IntStream.rangeClosed(1, LOOKUPS).mapToObj(i -> "key-" + i).toList();
        AtomicInteger waiting = new AtomicInteger();
        CountDownLatch allWaiting = new CountDownLatch(1);
        AtomicReference<String> onCommonPool = new AtomicReference<>();
        Function<String, String> lookup = key -> {
            Thread self = Thread.currentThread();
            if (self instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()) {
                onCommonPool.compareAndSet(null, "The lookup of " + key + " ran on `" + self.getName() + "`");
                allWaiting.countDown(); // the verdict is in: let every lookup through
                return key.toUpperCase();
            }
            if (waiting.incrementAndGet() == LOOKUPS) {
                allWaiting.countDown();
            }
            // Blocks as a call over the network would, until every lookup is waiting at the same time.
            try {
                if (!allWaiting.await(2 * Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the lookup of " + key + " was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to be released", e);
            }
            return key.toUpperCase();
        };

        AtomicReference<List<String>> answers = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> answers.set(Lookups.lookUpAll(keys, lookup)));
            boolean settled = KataCalls.eventually(() -> allWaiting.getCount() == 0 || !caller.isAlive());
            int waitingAtOnce = waiting.get();
            allWaiting.countDown();
            if (onCommonPool.get() != null) {
                throw Failures.failure(onCommonPool.get() + ", a worker of the common ForkJoinPool.",
                        Messages.offTheCommonPool());
            }
            if (waitingAtOnce < LOOKUPS) {
                if (settled) {
                    workers.joinAll(); // rethrows what lookUpAll() threw, such as "not written yet"
                }
                throw Failures.failure(Messages.tooFewAtOnce(waitingAtOnce, settled), Messages.offTheCommonPool());
            }
            workers.joinAll();
        }

        assertThat(answers.get())
                .withFailMessage(Messages.wrongAnswers(answers.get()))
                .containsExactlyElementsOf(keys.stream().map(String::toUpperCase).toList());
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static String offTheCommonPool() {
            return "a blocked thread does no work but still occupies its place: in a parallel stream, blocking calls"
                    + " take the common pool's " + ForkJoinPool.getCommonPoolParallelism() + " worker(s), wait a few"
                    + " at a time, and starve everything else that uses the pool; a pool sized to the cores does the"
                    + " same. Give each lookup a virtual thread: Executors.newVirtualThreadPerTaskExecutor()";
        }

        static String tooFewAtOnce(int waiting, boolean returned) {
            return (returned ? "lookUpAll() returned, and" : "After " + Waits.inWords(Delays.PATIENCE) + ",") + " only " + waiting
                    + " of " + LOOKUPS + " lookups had been waiting at the same time; all of them should wait at once.";
        }

        static String wrongAnswers(List<String> answers) {
            return Failures.message("lookUpAll() should return the " + LOOKUPS + " answers in the order of the keys,"
                            + " but returned " + (answers == null ? "null" : answers.size() + " answers: "
                            + answers.subList(0, Math.min(4, answers.size())) + "..."),
                    "keep the Futures in a list in key order and get() them in that order", null);
        }
    }
}
