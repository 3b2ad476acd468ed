package katas.downloader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One download with {@code java.net.http.HttpClient}. */
final class Fetcher {

    private Fetcher() {
    }

    /**
     * Downloads {@code uri} with a GET request through {@code client} and returns the body of a 2xx
     * answer. Any other answer, no complete answer within {@code timeout}, or a broken connection is a
     * {@link DownloadException}; a download given up on leaves no request open.
     */
    static String fetch(HttpClient client, URI uri, Duration timeout) throws DownloadException, InterruptedException {
        // The request's own timeout covers the wait for the answer's headers, and aborts the exchange itself...
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            // ...but not a body that stalls once the headers are in: the deadline of the whole download is ours.
            HttpResponse<String> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return response.body(); // MISTAKE: an error page is returned as if it were the file
        } catch (TimeoutException tooSlow) {
            throw DownloadException.timedOut(uri, timeout, tooSlow);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof HttpTimeoutException noAnswer) {
                throw DownloadException.timedOut(uri, timeout, noAnswer);
            }
            if (cause instanceof IOException broken) {
                throw DownloadException.broken(uri, broken);
            }
            throw new IllegalStateException("the request to " + uri + " failed unexpectedly", cause);
        } finally {
            // Giving up on a future does not stop the request behind it: cancel(true) aborts the exchange and
            // closes its connection. It does nothing once the download has arrived, and it also runs when this
            // thread is interrupted while it waits (get() then throws InterruptedException, which we pass on).
            exchange.cancel(true);
        }
    }
}
