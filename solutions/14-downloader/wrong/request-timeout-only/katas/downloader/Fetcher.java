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
        // MISTAKE: the request timeout alone covers only the wait for the headers, not a body that stalls.
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = exchange.get();
            // An error page is a body too: only a 2xx answer is the file.
            if (response.statusCode() / 100 != 2) {
                throw DownloadException.status(uri, response.statusCode());
            }
            return response.body();
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
