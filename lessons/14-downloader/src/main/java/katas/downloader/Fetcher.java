package katas.downloader;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

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
        // TODO: send a GET, wait for the whole answer at most timeout, cancel what you give up on; return a 2xx body, else throw a DownloadException.
        throw new UnsupportedOperationException("TODO: download the uri with the client, within the timeout");
    }
}
