package katas.semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The downloads go to a source the test owns, which holds every download inside until the test lets it
 * finish. Once every download thread is either held there or waiting in the downloader, no thread can move
 * until the test lets one go, so the test counts the downloads in flight exactly, on every run.
 */
@Tag("task:1")
@DisplayName("Task 1: LimitedDownloader, at most N downloads at once")
class LimitedDownloaderTest {

    private static final int LIMIT = 2;
    private static final int DOWNLOADS = 5;

    @Test
    @DisplayName("refuses a limit below 1")
    void refuses_a_limit_below_one() {
        assertThat(catchThrowable(() -> new LimitedDownloader(url -> url, 0)))
                .withFailMessage(Messages.ZERO_LIMIT).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("returns what the source downloaded")
    void returns_the_content() throws Exception {
        LimitedDownloader downloader = new LimitedDownloader(LimitedDownloaderTest::contentOf, LIMIT);
        String content = Waits.returnsPromptly("downloader", "download() with every slot free",
                () -> downloader.download(url(0)));
        assertThat(content).as(Messages.CONTENT).isEqualTo(contentOf(url(0)));
    }

    @Test
    @DisplayName("runs exactly 2 of 5 downloads at once, and starts a waiting one each time one ends")
    void runs_at_most_the_limit_at_once() {
        HoldingSource source = new HoldingSource();
        LimitedDownloader downloader = new LimitedDownloader(source, LIMIT);
        Map<String, String> results = new ConcurrentHashMap<>();
        try (Workers workers = new Workers()) {
            List<Thread> threads = workers.startTogether("download", DOWNLOADS, i -> {
                String url = url(i);
                results.put(url, downloader.download(url));
            });
            try {
                Crowd crowd = new Crowd(threads, source);
                Crowd.Snapshot now = crowd.settle();
                assertInFlight(now, LIMIT, "before any download ended");
                for (int ended = 1; ended <= DOWNLOADS; ended++) {
                    source.letOneFinish();
                    int expected = Math.min(LIMIT, DOWNLOADS - ended);
                    int endedSoFar = ended;
                    waitFor(() -> crowd.finished() == endedSoFar && source.held() >= expected,
                            Messages.noneStarted(ended, expected));
                    now = crowd.settle();
                    assertInFlight(now, expected, "after " + ended + " download(s) ended");
                }
            } finally {
                source.letAllGo();
            }
            workers.joinAll();
        }
        assertThat(source.maxInFlight()).withFailMessage(Messages.tooMany(source.maxInFlight(), "at some point"))
                .isLessThanOrEqualTo(LIMIT);
        for (int i = 0; i < DOWNLOADS; i++) {
            assertThat(results.get(url(i))).as(Messages.CONTENT).isEqualTo(contentOf(url(i)));
        }
    }

    private static void assertInFlight(Crowd.Snapshot now, int expected, String when) {
        if (now.inFlight() > expected) {
            throw Failures.failure(Messages.tooMany(now.inFlight(), when), Messages.ONE_SEMAPHORE);
        }
        if (now.inFlight() < expected) {
            throw Failures.failure(Messages.tooFew(now.inFlight(), now.waiting(), when), Messages.PERMITS_NOT_LOCK);
        }
    }

    /** Waits until {@code condition} holds, or fails with {@code whatWentWrong} after the patience delay. */
    private static void waitFor(java.util.function.BooleanSupplier condition, String whatWentWrong) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw Failures.failure(whatWentWrong, Messages.GIVE_BACK);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static String url(int index) {
        return "https://mirror.example.com/file_" + (index + 1) + ".txt";
    }

    private static String contentOf(String url) {
        return "content of " + url.substring(url.lastIndexOf('/') + 1);
    }

    /**
     * A source that keeps every download inside {@link #fetch} until the test lets it finish, and records how
     * many were in flight at once.
     */
    private static final class HoldingSource implements FileSource {

        private final Map<Thread, CountDownLatch> held = new ConcurrentHashMap<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();
        private volatile boolean allGo;

        @Override
        public String fetch(String url) throws IOException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread self = Thread.currentThread();
            CountDownLatch letGo = new CountDownLatch(allGo ? 0 : 1);
            held.put(self, letGo);
            try {
                if (!letGo.await(Delays.PATIENCE.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new IOException("the test never let this download finish");
                }
                return contentOf(url);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while downloading " + url);
            } finally {
                held.remove(self);
                inFlight.decrementAndGet();
            }
        }

        /** How many downloads have entered and not yet been let go. */
        int held() {
            return held.size();
        }

        /** Whether {@code thread} is held here, parked until the test lets it go. */
        boolean isParkedHere(Thread thread) {
            CountDownLatch latch = held.get(thread);
            if (latch == null || latch.getCount() == 0) {
                return false;
            }
            Thread.State state = thread.getState();
            return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                    && Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getClassName()
                            .equals(CountDownLatch.class.getName()) && frame.getMethodName().equals("await"));
        }

        /** Lets one held download finish. */
        void letOneFinish() {
            for (CountDownLatch latch : held.values()) {
                if (latch.getCount() > 0) {
                    latch.countDown();
                    return;
                }
            }
            throw Failures.failure(Messages.NOTHING_HELD, Messages.ONE_SEMAPHORE);
        }

        /** Lets every download through, now and from now on. */
        void letAllGo() {
            allGo = true;
            held.values().forEach(CountDownLatch::countDown);
        }

        int maxInFlight() {
            return maxInFlight.get();
        }
    }

    /** The download threads, and where each one is: held in the source, waiting for a slot, or done. */
    private static final class Crowd {

        enum Place { IN_FLIGHT, WAITING_FOR_A_SLOT, DONE, MOVING }

        record Snapshot(List<Place> places) {
            int inFlight() {
                return count(Place.IN_FLIGHT);
            }

            int waiting() {
                return count(Place.WAITING_FOR_A_SLOT);
            }

            private int count(Place place) {
                return (int) places.stream().filter(p -> p == place).count();
            }
        }

        private final List<Thread> threads;
        private final HoldingSource source;

        Crowd(List<Thread> threads, HoldingSource source) {
            this.threads = threads;
            this.source = source;
        }

        int finished() {
            return (int) threads.stream().filter(t -> t.getState() == Thread.State.TERMINATED).count();
        }

        /**
         * Waits until no download thread can move (each is held in the source, blocked in download() before
         * reaching it, or done), the same in two passes in a row, and returns where each one is.
         */
        Snapshot settle() {
            long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
            Snapshot previous = null;
            while (true) {
                Snapshot now = snapshot();
                if (!now.places().contains(Place.MOVING) && now.equals(previous)) {
                    return now;
                }
                if (System.nanoTime() > deadline) {
                    Thread moving = threads.get(now.places().indexOf(Place.MOVING));
                    throw Failures.failure(Messages.stillMoving(moving.getName(), moving.getState()),
                            Messages.BLOCK_DO_NOT_SPIN);
                }
                previous = now;
                Thread.onSpinWait();
                Thread.yield();
            }
        }

        private Snapshot snapshot() {
            List<Place> places = new ArrayList<>();
            for (Thread thread : threads) {
                places.add(placeOf(thread));
            }
            return new Snapshot(List.copyOf(places));
        }

        private Place placeOf(Thread thread) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                return Place.DONE;
            }
            if (source.isParkedHere(thread)) {
                return Place.IN_FLIGHT;
            }
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED) {
                StackTraceElement[] stack = thread.getStackTrace();
                boolean inDownload = Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().equals(LimitedDownloader.class.getName()));
                boolean inSource = Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().equals(HoldingSource.class.getName()));
                if (inDownload && !inSource) {
                    return Place.WAITING_FOR_A_SLOT;
                }
            }
            return Place.MOVING;
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String ZERO_LIMIT = "new LimitedDownloader(source, 0) should throw IllegalArgumentException:"
                + " with no slot at all, every download would wait forever.";
        static final String CONTENT = "download(url) should return what the source's fetch(url) returned";
        static final String ONE_SEMAPHORE = "create ONE Semaphore(maxAtOnce) in the constructor and keep it in a"
                + " field, so every call shares it; in download(), acquire() a permit before source.fetch(url)."
                + " A semaphore made inside download() limits nobody.";
        static final String PERMITS_NOT_LOCK = "a Semaphore with maxAtOnce permits lets that many threads in at"
                + " once; synchronized or a lock lets in only one. Use the semaphore alone to limit the downloads.";
        static final String GIVE_BACK = "give the permit back when the download ends: acquire() just before try,"
                + " return source.fetch(url) inside it, and release() in finally.";
        static final String BLOCK_DO_NOT_SPIN = "a download that finds every slot taken must wait inside"
                + " Semaphore.acquire(), not loop on tryAcquire().";
        static final String NOTHING_HELD = "The test wanted to let a download finish, but no download was in"
                + " flight.";

        static String tooMany(int inFlight, String when) {
            return inFlight + " downloads were in flight at once " + when + ", but the limit is " + LIMIT
                    + ": nothing made the others wait for a free slot.";
        }

        static String tooFew(int inFlight, int waiting, String when) {
            return "Only " + inFlight + " download(s) were in flight " + when + " while " + waiting
                    + " waited, but the limit is " + LIMIT + ": downloads that may run together took turns.";
        }

        static String noneStarted(int ended, int expected) {
            return ended + " download(s) ended, so " + expected + " of the others should be in flight now, but"
                    + " after " + Waits.inWords(Delays.PATIENCE) + " the waiting downloads are still waiting:"
                    + " the slot of a finished download never came back.";
        }

        static String stillMoving(String thread, Thread.State state) {
            return "`" + thread + "` neither reached the source nor waited in download() within "
                    + Waits.inWords(Delays.PATIENCE) + " (it is " + state + ").";
        }
    }
}
