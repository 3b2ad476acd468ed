package katas.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Task 1: PoolDownloads.downloadAll()")
class PoolDownloadsTest {

    private static final int WORKERS = 2;
    private static final List<String> URLS = List.of(
            "https://files.example.com/file_1.txt",
            "https://files.example.com/file_2.txt",
            "https://files.example.com/file_3.txt",
            "https://files.example.com/file_4.txt",
            "https://files.example.com/file_5.txt");
    private static final List<String> FILES = URLS.stream().map(PoolDownloadsTest::fileOf).toList();

    private final MadeThreads threads = new MadeThreads("pool-thread");
    private final Holds holds = new Holds();
    private final Queue<String> foreign = new ConcurrentLinkedQueue<>();

    /** Every download is held until the test lets it go; one that runs on a thread the factory did not make is noted. */
    private final FileSource source = url -> {
        Thread self = Thread.currentThread();
        if (!threads.made(self)) {
            foreign.add(fileOf(url) + " on `" + self.getName() + "`");
            return fileOf(url);
        }
        holds.hold(url);
        return fileOf(url);
    };

    @Test
    @DisplayName("runs two downloads at once on the pool's two threads, returns the contents in url order, and leaves no thread behind")
    void downloadsOnAFixedPoolAndShutsItDown() {
        AtomicReference<List<String>> result = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller",
                    () -> result.set(PoolDownloads.downloadAll(source, URLS, WORKERS, threads)));
            try {
                // Phase 1: every download is held. A fixed pool of two runs exactly two of them and queues the rest.
                Probes.poll(() -> holds.holdingCount() >= WORKERS || !foreign.isEmpty() || !caller.isAlive()
                        || takesTurns(caller));
                checkNoForeignThread();
                if (!caller.isAlive()) {
                    holds.releaseAll();
                    workers.joinAll(); // rethrows what downloadAll() threw, such as "not written yet"
                    throw Failures.failure(Messages.returnedEarly(), Messages.LOOK_SHUT_DOWN);
                }
                if (holds.holdingCount() < WORKERS) {
                    throw Failures.failure(Messages.tookTurns(holds.holdingCount()), Messages.LOOK_SUBMIT_ALL);
                }
                // Once downloadAll() waits for results it has submitted everything: count the threads its pool made.
                Probes.poll(() -> Probes.isWaitingForResults(caller) || !caller.isAlive());
                assertThat(threads.count())
                        .withFailMessage(() -> Messages.tooManyThreads(threads.count()))
                        .isEqualTo(WORKERS);

                // Phase 2: files 2 to 5 finish first, and their threads go back to waiting for work; file 1 last.
                URLS.subList(1, URLS.size()).forEach(holds::release);
                Thread first = holds.threadOf(URLS.get(0)).orElseThrow();
                boolean othersDone = Probes.poll(() -> URLS.subList(1, URLS.size()).stream().allMatch(holds::finished)
                        && threads.all().stream().filter(t -> t != first).allMatch(Probes::isIdleInPool));
                assertThat(othersDone).withFailMessage(Messages.othersNeverFinished()).isTrue();
                Waits.untilBlocked(caller, "downloadAll() while file_1.txt is still downloading");
                holds.release(URLS.get(0));
            } finally {
                holds.releaseAll();
            }
            workers.joinAll();
        }

        assertThat(result.get())
                .withFailMessage(() -> Messages.wrongOrder(result.get()))
                .containsExactlyElementsOf(FILES);
        boolean allEnded = Probes.poll(() -> threads.alive().isEmpty());
        assertThat(allEnded)
                .withFailMessage(() -> Messages.leaked(threads.alive()))
                .isTrue();
    }

    /**
     * True when the caller waits for a result while fewer downloads than workers run and every
     * thread the pool made is busy with one: nothing can start another download until the caller
     * submits again, so the downloads take turns.
     */
    private boolean takesTurns(Thread caller) {
        int held = holds.holdingCount();
        return held < WORKERS && held == threads.count() && Probes.isWaitingForResults(caller);
    }

    private void checkNoForeignThread() {
        if (!foreign.isEmpty()) {
            holds.releaseAll();
            throw Failures.failure(Messages.foreignThread(foreign.peek()), Messages.LOOK_FACTORY);
        }
    }

    private static String fileOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String LOOK_FACTORY = "build the pool with the factory you are given:"
                + " Executors.newFixedThreadPool(workers, threads)";
        static final String LOOK_SUBMIT_ALL = "hand every download to the pool before you wait for any result:"
                + " pool.invokeAll(downloads) submits them all, then waits";
        static final String LOOK_SHUT_DOWN = "invokeAll() waits for every download; then read each Future with get()";

        static String foreignThread(String where) {
            return "The download of " + where + ", a thread the ThreadFactory passed to downloadAll() did not make.";
        }

        static String returnedEarly() {
            return "downloadAll() returned while the downloads were still held: it did not wait for them.";
        }

        static String tookTurns(int held) {
            return "downloadAll() waits for a result while only " + held + " of the pool's " + WORKERS
                    + " threads has a download: it submits one download and waits for it before submitting the next,"
                    + " so the downloads take turns instead of running " + WORKERS + " at once.";
        }

        static String tooManyThreads(int made) {
            return "The pool made " + made + " threads for " + URLS.size() + " downloads, but downloadAll() was asked"
                    + " for " + WORKERS + " workers: a cached pool, or a pool per download, makes a thread for every"
                    + " download that finds the others busy.\nWhat to look at: a fixed pool of exactly `workers`"
                    + " threads, Executors.newFixedThreadPool(workers, threads); the other downloads wait in its queue.";
        }

        static String othersNeverFinished() {
            return "After the test released files 2 to 5, they did not finish within "
                    + Waits.inWords(Delays.PATIENCE) + " while file 1 stayed held.\nWhat to look at: with two"
                    + " workers, the thread that is not busy with file 1 must take the queued downloads one by one.";
        }

        static String wrongOrder(List<String> returned) {
            return "downloadAll() returned " + returned + ", but the contents must come back in the order of the urls, "
                    + FILES + ", whatever order the downloads finished in (here file_1.txt finished last).\n"
                    + "What to look at: invokeAll() returns the Futures in the order of the tasks; get() them in that"
                    + " order, instead of collecting results as they finish.";
        }

        static String leaked(List<Thread> alive) {
            return Probes.names(alive) + (alive.size() == 1 ? " is" : " are") + " still alive "
                    + Waits.inWords(Delays.PATIENCE) + " after downloadAll() returned: the pool was never shut down,"
                    + " so its threads wait for work forever (and would keep a program from exiting).\n"
                    + "What to look at: create the pool in try-with-resources, try (ExecutorService pool = ...) { ... },"
                    + " so close() shuts it down and waits for it to terminate, even when a download throws.";
        }
    }
}
