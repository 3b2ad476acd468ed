package katas.iovscpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Task 1: ConcurrentFetcher.fetchAll()")
class ConcurrentFetcherTest {

    private static final int PAGES = 8;
    private static final List<String> URLS = IntStream.rangeClosed(1, PAGES)
            .mapToObj(i -> "https://pages.example.com/page-" + i).toList();

    @Test
    @DisplayName("has every fetch in flight at the same moment, waits for them all, returns the pages in order and"
            + " leaves no thread behind")
    void fetchesEveryPageAtOnce() {
        SlowSource source = new SlowSource();
        AtomicReference<List<String>> pages = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> {
                source.caller = Thread.currentThread();
                pages.set(ConcurrentFetcher.fetchAll(source, URLS));
            });
            try {
                Polls.poll(() -> source.maxInFlight.get() == PAGES || source.ranOnCaller != null || !caller.isAlive());
                if (source.ranOnCaller != null) {
                    throw Failures.failure(Messages.ranOnCaller(source.ranOnCaller), Messages.START_ALL_FIRST);
                }
                if (source.maxInFlight.get() < PAGES) {
                    source.release();
                    workers.joinAll(); // rethrows what fetchAll() threw, if it threw
                    throw Failures.failure(Messages.tooFewInFlight(source.maxInFlight.get()),
                            source.maxInFlight.get() <= 1 ? Messages.START_ALL_FIRST : Messages.THREAD_PER_FETCH);
                }
                if (Polls.settledState(caller) == Thread.State.TERMINATED) {
                    throw Failures.failure(Messages.RETURNED_EARLY, Messages.WAIT_FOR_ALL);
                }
            } finally {
                source.release();
            }
            workers.joinAll();
        }

        List<String> expected = URLS.stream().map(SlowSource::pageOf).toList();
        assertThat(pages.get())
                .withFailMessage(Messages.wrongPages(expected, pages.get()))
                .isEqualTo(expected);
        Thread left = Polls.firstStillAlive(source.threadsByUrl.values());
        assertThat(left)
                .withFailMessage(Messages.threadLeftRunning(left))
                .isNull();
    }

    /**
     * A pretend server that answers no request until the test says so. It records how many requests
     * are in flight at once, and which thread made each one.
     */
    private static final class SlowSource implements PageSource {

        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Map<String, Thread> threadsByUrl = new ConcurrentHashMap<>();
        private final CountDownLatch answer = new CountDownLatch(1);
        volatile Thread caller;
        volatile String ranOnCaller;

        static String pageOf(String url) {
            return "<html>" + url + "</html>";
        }

        @Override
        public String fetch(String url) throws InterruptedException {
            Thread self = Thread.currentThread();
            threadsByUrl.put(url, self);
            if (self == caller) {
                // Fetching on the caller's own thread: answer at once, the verdict is already in.
                if (ranOnCaller == null) {
                    ranOnCaller = url;
                }
                maxInFlight.accumulateAndGet(1, Math::max);
                return pageOf(url);
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (!answer.await(2 * Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the request for " + url + " was never answered by the test");
                }
            } finally {
                inFlight.decrementAndGet();
            }
            return pageOf(url);
        }

        /** Answers every request in flight, and every request still to come at once. */
        void release() {
            answer.countDown();
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String START_ALL_FIRST = "start every fetch before waiting for any: submit each fetch to an"
                + " ExecutorService (Executors.newVirtualThreadPerTaskExecutor() suits work that waits), keep the"
                + " Futures in a list, and call get() on them only after the loop that submits them";
        static final String THREAD_PER_FETCH = "a pool of N threads has only N fetches in flight and queues the rest"
                + " until a thread is free; waiting work needs a thread per fetch, and virtual threads make that cheap"
                + " (Executors.newVirtualThreadPerTaskExecutor())";
        static final String RETURNED_EARLY = "fetchAll() returned while all " + PAGES + " fetches were still in flight:"
                + " it did not wait for the pages it returns.";
        static final String WAIT_FOR_ALL = "call get() on every Future before returning (or close the executor, which"
                + " waits for its tasks)";

        static String ranOnCaller(String url) {
            return "Only 1 request was ever in flight: your fetches ran one after another, on the thread that called"
                    + " fetchAll() (the request for " + url + " ran there), so " + PAGES + " fetches take " + PAGES
                    + " times as long as one.";
        }

        static String tooFewInFlight(int max) {
            if (max <= 1) {
                return "Only " + max + " request was ever in flight: your fetches ran one after another, each one"
                        + " waited for before the next one started, so " + PAGES + " fetches take " + PAGES
                        + " times as long as one.";
            }
            return "Only " + max + " of " + PAGES + " requests were ever in flight at the same moment: the others"
                    + " waited for a free thread, so the batch takes " + ((PAGES + max - 1) / max)
                    + " rounds of fetching instead of one.";
        }

        static String wrongPages(List<String> expected, List<String> actual) {
            return "fetchAll() should return the " + PAGES + " pages in the order of the urls, " + expected
                    + ", but it returned " + actual + ".\nWhat to look at: keep the Futures in the order of the urls"
                    + " and get() them in that order.";
        }

        static String threadLeftRunning(Thread left) {
            return "`" + (left == null ? "?" : left.getName()) + "`, a thread that ran a fetch, is still alive "
                    + Delays.PATIENCE.toSeconds() + " s after fetchAll() returned: the executor was never shut down, and"
                    + " its idle threads go on waiting for work.\nWhat to look at: try (ExecutorService executor = ...)"
                    + " { ... }: close() waits for the tasks, then ends the threads.";
        }
    }
}
