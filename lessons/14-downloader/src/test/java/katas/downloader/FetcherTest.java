package katas.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Fetcher: one download with HttpClient")
class FetcherTest {

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
    @DisplayName("returns the body of a file the server answers with 200")
    void returnsTheBody() throws Exception {
        String body = Fetcher.fetch(client, server.uri("file_1.txt"), Delays.PATIENCE);

        assertThat(body)
                .withFailMessage(Messages.wrongBody(body))
                .isEqualTo(TestServer.body("file_1.txt"));
    }

    @Nested
    @DisplayName("an error answer")
    class ErrorAnswer {

        @Test
        @DisplayName("404 becomes a DownloadException with status 404, not retryable")
        void notFoundIsFatal() {
            server.failNext("missing.txt", 404, 1);
            assertStatusFailure("missing.txt", 404, false);
        }

        @Test
        @DisplayName("503 becomes a DownloadException with status 503, retryable")
        void unavailableIsRetryable() {
            server.failNext("busy.txt", 503, 1);
            assertStatusFailure("busy.txt", 503, true);
        }

        private void assertStatusFailure(String name, int status, boolean retryable) {
            Throwable thrown = fetchOnAWorker(client, server.uri(name), Delays.PATIENCE);

            if (!(thrown instanceof DownloadException failure)) {
                throw Failures.failure(Messages.errorNotThrown(status, thrown), Messages.checkTheStatus());
            }
            assertThat(failure.status())
                    .withFailMessage(Messages.wrongStatus(status, failure))
                    .isEqualTo(status);
            assertThat(failure.retryable())
                    .withFailMessage(Messages.wrongStatus(status, failure))
                    .isEqualTo(retryable);
        }
    }

    @Nested
    @DisplayName("a server that is too slow")
    class TooSlow {

        @Test
        @DisplayName("that never answers: gives up after the timeout, and leaves no request open")
        void givesUpOnASilentServer() throws Exception {
            server.neverAnswer("silent.txt");
            Throwable thrown = fetchOnAWorker(client, server.uri("silent.txt"), Delays.SHORT);

            assertTimedOutAndClosed(thrown, client, "never answers");
        }

        @Test
        @DisplayName("that stops half-way through the body: gives up after the timeout, and leaves no request open")
        void givesUpOnAStalledBody() throws Exception {
            server.stallBody("stalled.txt");
            // A run shows how the code treats a stalled body only if the client's own request timeout (which runs
            // only until the headers are in) did not end the exchange first; on a machine so busy that it did, try
            // again with a longer timeout.
            for (Duration timeout = Delays.SHORT; ; timeout = timeout.multipliedBy(2)) {
                WatchedClient watched = new WatchedClient(server.newClient());
                Throwable thrown = fetchOnAWorker(watched, server.uri("stalled.txt"), timeout);

                assertTimedOutAndClosed(thrown, watched, "sends its headers and half the body, then nothing more");
                if (!watched.endedByItsOwnTimeout() || timeout.compareTo(Delays.PATIENCE) >= 0) {
                    return;
                }
            }
        }

        private void assertTimedOutAndClosed(Throwable thrown, HttpClient used, String behaviour)
                throws InterruptedException {
            if (!(thrown instanceof DownloadException failure) || failure.kind() != DownloadException.Kind.TIMEOUT) {
                throw Failures.failure(Messages.noTimeoutFailure(behaviour, thrown), Messages.wholeDownloadDeadline());
            }
            if (!TestServer.hasNoRequestOpen(used)) {
                throw Failures.failure(Messages.requestLeftOpen(behaviour), Messages.cancelWhatYouGiveUpOn());
            }
        }
    }

    /**
     * Runs fetch() on a worker and returns what it threw ({@code null} if it returned), failing if it has not
     * returned within the patience delay; a starter's TODO passes through.
     */
    private Throwable fetchOnAWorker(HttpClient through, URI uri, Duration timeout) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread downloader = workers.start("downloader", () -> {
                try {
                    Fetcher.fetch(through, uri, timeout);
                } catch (DownloadException | InterruptedException | RuntimeException failure) {
                    if (failure instanceof UnsupportedOperationException todo) {
                        throw todo;
                    }
                    thrown.set(failure);
                }
            });
            try {
                downloader.join(Delays.PATIENCE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for fetch()", e);
            }
            if (downloader.isAlive()) {
                server.letEverythingGo(); // ends the request, so the worker can end
                throw Failures.failure(Messages.didNotReturn(uri, timeout), Messages.wholeDownloadDeadline());
            }
        }
        return thrown.get();
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static String wrongBody(String body) {
            return Failures.message("fetch() should return the body the server sent, \"" + TestServer.body("file_1.txt")
                            + "\", but returned " + (body == null ? "null" : "\"" + body + "\"") + ".",
                    "client.send(request, HttpResponse.BodyHandlers.ofString()).body()", null);
        }

        static String checkTheStatus() {
            return "an error page is a body too: check response.statusCode(), and for anything but 2xx throw"
                    + " DownloadException.status(uri, statusCode)";
        }

        static String errorNotThrown(int status, Throwable thrown) {
            return "The server answered " + status + ", so fetch() should throw a DownloadException, but it "
                    + (thrown == null ? "returned normally (the error page as the file?)" : "threw " + thrown) + ".";
        }

        static String wrongStatus(int status, DownloadException failure) {
            return Failures.message("For a " + status + " answer, fetch() should throw DownloadException.status(uri, "
                            + status + "), but threw one with kind " + failure.kind() + ", status " + failure.status()
                            + " and retryable() " + failure.retryable() + ".",
                    "DownloadException.status(uri, response.statusCode())", null);
        }

        static String wholeDownloadDeadline() {
            return "the timeout covers the whole download: HttpRequest.newBuilder(uri).timeout(timeout) alone covers"
                    + " only the wait for the answer's headers, and a body that stalls after them is waited for"
                    + " forever. Send with client.sendAsync(...) and wait with future.get(timeout, unit); a"
                    + " TimeoutException, or an HttpTimeoutException as the cause, becomes DownloadException.timedOut(...)";
        }

        static String cancelWhatYouGiveUpOn() {
            return "giving up on a future does not stop the request behind it: cancel it, future.cancel(true) in a"
                    + " finally block, which aborts the exchange and closes its connection (and does nothing once the"
                    + " download has arrived). orTimeout() and get(timeout) alone only stop the waiting";
        }

        static String didNotReturn(URI uri, Duration timeout) {
            return "fetch(" + uri.getPath() + ") with a timeout of " + Waits.inWords(timeout) + " had not returned "
                    + Waits.inWords(Delays.PATIENCE) + " later: the server was not sending, and nothing stopped the"
                    + " wait.";
        }

        static String noTimeoutFailure(String behaviour, Throwable thrown) {
            return "For a server that " + behaviour + ", fetch() should throw a DownloadException of kind TIMEOUT"
                    + " once the timeout runs out, but it " + (thrown == null ? "returned normally" : "threw " + thrown)
                    + ".";
        }

        static String requestLeftOpen(String behaviour) {
            return "fetch() gave up on a server that " + behaviour + ", but its request was still open "
                    + Waits.inWords(Delays.PATIENCE) + " later: the client went on waiting for an answer nobody needs.";
        }
    }
}
