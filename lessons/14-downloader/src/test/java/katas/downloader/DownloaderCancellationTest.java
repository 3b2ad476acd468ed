package katas.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:4")
@DisplayName("Downloader: the first fatal failure cancels everything")
class DownloaderCancellationTest {

    private static final int FILES = 6;
    private static final int SLOTS = 2;
    private static final Duration TIMEOUT = Delays.PATIENCE.multipliedBy(4);

    private TestServer server;
    private HttpClient client;
    private Semaphore slots;
    private Downloader downloader;
    private List<URI> uris;

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.start();
        client = server.newClient();
        slots = new Semaphore(SLOTS);
        downloader = new Downloader(client, slots, TIMEOUT, RetryPolicy.once(), ProgressListener.NONE);
        uris = Batch.uris(server, Batch.names(FILES));
        server.holdEveryRequest();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @DisplayName("throws the first download that fails for good at once, and leaves no other download running")
    void stopsAtTheFirstFatalFailure() throws InterruptedException {
        AtomicReference<Exception> thrown = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = startCaller(workers, thrown);
            try {
                awaitEverySlotBusy(caller, workers);
                // The download with the highest index fails for good; the one before it is still running.
                String failing = server.held().getLast();
                server.answer(failing, 404);
                if (!Batch.ends(caller)) {
                    throw Failures.failure(Messages.keptWaiting(failing), Messages.cancelTheRest());
                }
                if (!(thrown.get() instanceof DownloadException failure) || failure.status() != 404
                        || !failure.uri().equals(server.uri(failing))) {
                    throw Failures.failure(Messages.wrongFailure(failing, thrown.get()), Messages.throwTheFailure());
                }
                assertNothingLeftRunning("failed");
            } finally {
                server.letEverythingGo();
            }
        }
    }

    @Test
    @DisplayName("cancels every download when the calling thread is interrupted, and throws InterruptedException")
    void cancelsEverythingWhenInterrupted() throws InterruptedException {
        AtomicReference<Exception> thrown = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = startCaller(workers, thrown);
            try {
                awaitEverySlotBusy(caller, workers);
                caller.interrupt();
                if (!Batch.ends(caller)) {
                    throw Failures.failure(Messages.ignoredInterrupt(), Messages.cancelTheRest());
                }
                assertThat(thrown.get())
                        .withFailMessage(Messages.interruptNotThrown(thrown.get()))
                        .isInstanceOf(InterruptedException.class);
                assertNothingLeftRunning("was interrupted");
            } finally {
                server.letEverythingGo();
            }
        }
    }

    /** Starts downloadAll() on a worker named caller, recording what it throws. */
    private Thread startCaller(Workers workers, AtomicReference<Exception> thrown) {
        return workers.start("caller", () -> {
            try {
                downloader.downloadAll(uris);
            } catch (DownloadException | InterruptedException failure) {
                thrown.set(failure);
            }
        });
    }

    /** Waits until every slot runs a download and the other downloads wait for a slot. */
    private void awaitEverySlotBusy(Thread caller, Workers workers) {
        if (!Batch.awaitSettled(server, slots, SLOTS, SLOTS, FILES - SLOTS, caller)) {
            if (!caller.isAlive()) {
                server.letEverythingGo();
                workers.joinAll(); // rethrows what downloadAll() threw, such as "not written yet"
            }
            throw Failures.failure(Messages.notSettled(server.held(), slots.getQueueLength(), server.maxInFlight()),
                    "solve task 3 first: every download starts at once, and holds a slot while it runs");
        }
    }

    /** Fails unless every request has ended and every slot is free again, with nobody waiting for one. */
    private void assertNothingLeftRunning(String how) throws InterruptedException {
        List<String> stillHeld = server.held();
        if (!TestServer.hasNoRequestOpen(client)) {
            throw Failures.failure(Messages.requestLeftOpen(how, stillHeld), Messages.cancelTheRest());
        }
        assertThat(slots.getQueueLength())
                .withFailMessage(Messages.stillWaitingForASlot(how, slots.getQueueLength()))
                .isZero();
        assertThat(slots.availablePermits())
                .withFailMessage(Messages.slotsNotGivenBack(slots.availablePermits()))
                .isEqualTo(SLOTS);
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static String cancelTheRest() {
            return "wait for the downloads in the order they END (an ExecutorCompletionService's take()), so the first"
                    + " failure is seen at once; then, in finally, shutdownNow() the executor, which interrupts every"
                    + " download (an interrupted send() aborts its request, an interrupted acquire() gives up), and"
                    + " close() it to wait until they have all ended, before you throw";
        }

        static String throwTheFailure() {
            return "throw the DownloadException itself: it is the cause of the ExecutionException that Future.get()"
                    + " throws";
        }

        static String keptWaiting(String failing) {
            return failing + " failed for good (404), but downloadAll() was still running "
                    + Waits.inWords(Delays.PATIENCE) + " later: it went on waiting for the other downloads.";
        }

        static String ignoredInterrupt() {
            return "The thread running downloadAll() was interrupted, but downloadAll() was still running "
                    + Waits.inWords(Delays.PATIENCE) + " later.";
        }

        static String wrongFailure(String failing, Exception thrown) {
            return failing + " failed for good (404), so downloadAll() should throw the DownloadException for it"
                    + " (status 404), but it " + (thrown == null ? "did not throw one" : "threw " + thrown) + ".";
        }

        static String interruptNotThrown(Exception thrown) {
            return Failures.message("Interrupted, downloadAll() should throw InterruptedException, but it "
                            + (thrown == null ? "returned normally" : "threw " + thrown) + ".",
                    "let the InterruptedException of take() or get() propagate, after cancelling the downloads", null);
        }

        static String notSettled(List<String> held, int waiting, int maxInFlight) {
            return "Before the test could begin, " + SLOTS + " downloads should have been in flight and "
                    + (FILES - SLOTS) + " waiting for a slot; after " + Waits.inWords(Delays.PATIENCE) + ", in flight: "
                    + held + " (at most " + maxInFlight + " at once); waiting for a slot: " + waiting + ".";
        }

        static String requestLeftOpen(String how, List<String> stillHeld) {
            return "downloadAll() " + how + " and returned, but a request it had made was still open "
                    + Waits.inWords(Delays.PATIENCE) + " later (the server held " + stillHeld
                    + "): a download went on running after the call was over.";
        }

        static String stillWaitingForASlot(String how, int waiting) {
            return Failures.message("downloadAll() " + how + " and returned, but " + waiting
                            + " download(s) were still waiting for a slot, to start later on their own.",
                    "cancel the downloads that have not started too: shutdownNow() interrupts their acquire()", null);
        }

        static String slotsNotGivenBack(int available) {
            return Failures.message("After downloadAll() returned, " + available + " slots were free, but the"
                            + " downloader was given " + SLOTS + ".",
                    "acquire() the slot before try, release() it in finally: a download interrupted while waiting"
                            + " for a slot never got one, and must not give one back", null);
        }
    }
}
