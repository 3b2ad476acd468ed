package katas.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("Downloader: many at once, one per slot, in list order")
class DownloaderTest {

    private static final int FILES = 6;
    private static final int SLOTS = 2;
    /** Time allowed to each try: far more than a held request waits for the test here. */
    private static final Duration TIMEOUT = Delays.PATIENCE.multipliedBy(4);

    private TestServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.start();
        client = server.newClient();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @DisplayName("runs as many downloads at once as there are slots, never more, and returns the bodies in list order")
    void runsOnePerSlotAndKeepsTheListOrder() throws InterruptedException {
        List<String> names = Batch.names(FILES);
        List<URI> uris = Batch.uris(server, names);
        server.holdEveryRequest();
        Semaphore slots = new Semaphore(SLOTS);
        ProgressRecorder progress = new ProgressRecorder();
        Downloader downloader = new Downloader(client, slots, TIMEOUT, RetryPolicy.once(), progress);

        AtomicReference<List<String>> bodies = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> bodies.set(downloader.downloadAll(uris)));
            try {
                // Each round: wait until every slot runs a download and the rest wait for a slot, then let the
                // download with the highest index finish, so they arrive in an order other than the list's.
                for (int arrived = 0; arrived < FILES; arrived++) {
                    int running = Math.min(SLOTS, FILES - arrived);
                    int waiting = FILES - arrived - running;
                    if (!Batch.awaitSettled(server, slots, SLOTS, running, waiting, caller)) {
                        if (server.maxInFlight() > SLOTS) {
                            throw Failures.failure(Messages.tooManyAtOnce(server.maxInFlight()), Messages.holdASlot());
                        }
                        if (!caller.isAlive()) {
                            server.letEverythingGo();
                            workers.joinAll(); // rethrows what downloadAll() threw, such as "not written yet"
                            throw Failures.failure(Messages.returnedEarly(arrived), Messages.holdASlot());
                        }
                        throw Failures.failure(Messages.notSettled(running, waiting, server.held(),
                                slots.getQueueLength()), Messages.startThemAll());
                    }
                    if (arrived == 0) {
                        assertThat(progress.started())
                                .withFailMessage(Messages.startedWithoutSlot(progress.started()))
                                .hasSize(SLOTS);
                        assertThat(progress.finished())
                                .withFailMessage(Messages.finishedTooEarly(progress.finished()))
                                .isEmpty();
                    }
                    server.release(server.held().getLast());
                }
            } finally {
                server.letEverythingGo();
            }
            if (!Batch.ends(caller)) {
                throw Failures.failure(Messages.didNotReturn(), Messages.startThemAll());
            }
        }

        assertThat(bodies.get())
                .withFailMessage(Messages.wrongBodies(names, bodies.get()))
                .containsExactlyElementsOf(names.stream().map(TestServer::body).toList());
        Messages.assertProgress(progress);
        assertThat(TestServer.hasNoRequestOpen(client))
                .withFailMessage(Messages.requestLeftOpen())
                .isTrue();
        assertThat(slots.availablePermits())
                .withFailMessage(Messages.slotsNotGivenBack(slots.availablePermits()))
                .isEqualTo(SLOTS);
    }

    @Test
    @DisplayName("tries a failed download again after a pause, and the batch still arrives whole")
    void retriesAFailedDownload() throws InterruptedException {
        List<String> names = Batch.names(4);
        server.failNext("file_2.txt", 503, 2);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        Duration firstPause = Duration.ofMillis(50);
        Downloader downloader = new Downloader(client, new Semaphore(SLOTS), TIMEOUT,
                new RetryPolicy(3, firstPause, pauses::add), ProgressListener.NONE);

        AtomicReference<List<String>> bodies = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> bodies.set(downloader.downloadAll(Batch.uris(server, names))));
            if (!Batch.ends(caller)) {
                server.letEverythingGo();
                throw Failures.failure(Messages.didNotReturn(), Messages.startThemAll());
            }
        }

        assertThat(bodies.get())
                .withFailMessage(Messages.wrongBodies(names, bodies.get()))
                .containsExactlyElementsOf(names.stream().map(TestServer::body).toList());
        assertThat(server.requests("file_2.txt"))
                .withFailMessage(Messages.notRetried(server.requests("file_2.txt")))
                .isEqualTo(3);
        assertThat(pauses)
                .withFailMessage(Messages.notRetried(server.requests("file_2.txt")))
                .containsExactly(firstPause, firstPause.multipliedBy(2));
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static String holdASlot() {
            return "each download takes a slot (slots.acquire()) before it starts and gives it back (slots.release(),"
                    + " in finally) when it ends, so the others wait for a free slot";
        }

        static String startThemAll() {
            return "start every download at once, each on a thread of its own (a virtual thread per download), and"
                    + " let the slots, not your loop, decide how many run; wait for the results only after starting"
                    + " them all";
        }

        static String tooManyAtOnce(int max) {
            return max + " downloads were in flight at the same time, but the downloader was given " + SLOTS
                    + " slots: at most " + SLOTS + " may run at once.";
        }

        static String returnedEarly(int arrived) {
            return "downloadAll() returned while the server still held downloads (" + arrived + " of " + FILES
                    + " had arrived).";
        }

        static String notSettled(int running, int waiting, List<String> held, int queued) {
            return "With " + SLOTS + " slots and " + (running + waiting) + " downloads still to come, " + running
                    + " should be in flight and " + waiting + " waiting for a slot; after "
                    + Waits.inWords(Delays.PATIENCE) + ", in flight: " + held + "; waiting for a slot: " + queued + ".";
        }

        static String startedWithoutSlot(List<Integer> started) {
            return Failures.message("While " + SLOTS + " downloads held the " + SLOTS + " slots and the rest waited,"
                            + " the listener had heard started() for downloads " + started + ".",
                    "report started() once the download has its slot, just before it fetches, not while it still"
                            + " waits for one", null);
        }

        static String finishedTooEarly(List<ProgressRecorder.Event> finished) {
            return Failures.message("No download had arrived yet, but the listener heard finished() " + finished.size()
                            + " times.", "report finished() after the body has arrived", null);
        }

        static String didNotReturn() {
            return "downloadAll() had not returned " + Waits.inWords(Delays.PATIENCE)
                    + " after the server had answered every request.";
        }

        static String wrongBodies(List<String> names, List<String> bodies) {
            return Failures.message("downloadAll() should return the " + names.size() + " bodies in the order of the"
                            + " list, though they arrived in another order, but returned " + bodies + ".",
                    "keep each download's Future in a list, in list order, and read the bodies from that list once"
                            + " all have arrived (not in the order they finish)", null);
        }

        static void assertProgress(ProgressRecorder progress) {
            List<Integer> all = IntStream.range(0, FILES).boxed().toList();
            assertThat(progress.started())
                    .withFailMessage(Failures.message("Every download should be reported started() once; the listener"
                            + " heard " + progress.started() + ".", "call progress.started(index, uri) once per"
                            + " download, when it gets its slot", null))
                    .containsExactlyInAnyOrderElementsOf(all);
            List<ProgressRecorder.Event> finished = progress.finished();
            assertThat(finished.stream().map(ProgressRecorder.Event::index).toList())
                    .withFailMessage(Failures.message("Every download should be reported finished() once; the listener"
                            + " heard " + finished + ".", "call progress.finished(...) once per download, after its"
                            + " body arrived", null))
                    .containsExactlyInAnyOrderElementsOf(all);
            assertThat(finished.stream().map(ProgressRecorder.Event::done).sorted().toList())
                    .withFailMessage(Failures.message("The counts reported with finished() should be 1 to " + FILES
                            + ", once each, but were " + finished.stream().map(ProgressRecorder.Event::done).toList()
                            + ".", "count arrivals with an AtomicInteger (incrementAndGet()), shared by the downloads"
                            + " of the batch: a plain int++ from several threads loses counts", null))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, FILES).boxed().toList());
            assertThat(finished.stream().allMatch(e -> e.total() == FILES))
                    .withFailMessage(Failures.message("finished() should report the total " + FILES + " every time; it"
                            + " heard " + finished + ".", "pass uris.size() as the total", null))
                    .isTrue();
        }

        static String requestLeftOpen() {
            return Failures.message("downloadAll() returned, but a request it made was still open "
                            + Waits.inWords(Delays.PATIENCE) + " later.",
                    "every download must have ended when downloadAll() returns", null);
        }

        static String slotsNotGivenBack(int available) {
            return Failures.message("After downloadAll() returned, " + available + " of the " + SLOTS
                            + " slots were free.", "give the slot back in finally, exactly once per slot taken", null);
        }

        static String notRetried(int requests) {
            return Failures.message("file_2.txt was answered 503 twice and then served; with maxAttempts 3 it should"
                            + " have been requested 3 times, with pauses of 50 ms and 100 ms between, but the server"
                            + " saw " + requests + " request(s).",
                    "fetch each file through Retrier.withRetries(attempt -> Fetcher.fetch(client, uri, timeout),"
                            + " retry)", null);
        }
    }
}
