package katas.downloader;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads many files at once: each download holds one of the given slots while it runs, so at most
 * that many run at the same time; failed tries are retried as the policy says; progress is reported as
 * downloads start and arrive; and the bodies come back in the order of the list, whatever order they
 * arrive in. The first download that fails for good cancels all the others.
 *
 * <pre>{@code
 * try (HttpClient client = HttpClient.newHttpClient()) {
 *     Downloader downloader = new Downloader(client, new Semaphore(4), Duration.ofSeconds(10),
 *             new RetryPolicy(3, Duration.ofMillis(200), RetryPolicy.Sleeper.REAL), ProgressListener.NONE);
 *     List<String> bodies = downloader.downloadAll(uris);
 * }
 * }</pre>
 */
final class Downloader {

    private final HttpClient client;
    private final Semaphore slots;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final ProgressListener progress;

    /**
     * @param client the client every request goes through (the caller closes it)
     * @param slots one permit per download allowed to run at the same time
     * @param timeout the time allowed to each try of a download
     * @param retry how often to try a download, and how long to pause between tries
     * @param progress hears every download start and arrive
     */
    Downloader(HttpClient client, Semaphore slots, Duration timeout, RetryPolicy retry, ProgressListener progress) {
        this.client = client;
        this.slots = slots;
        this.timeout = timeout;
        this.retry = retry;
        this.progress = progress;
    }

    /**
     * Downloads every uri, at most as many at once as there are slots, and returns the bodies in the
     * order of {@code uris}.
     *
     * @throws DownloadException the first download that failed for good (after its retries); every
     *     other download has then been cancelled, and none is left running
     * @throws InterruptedException if the calling thread was interrupted; every download has then been
     *     cancelled
     */
    List<String> downloadAll(List<URI> uris) throws DownloadException, InterruptedException {
        // TODO: start every download at once, each running downloadOne(); collect the bodies in list order; on the first failure cancel the rest and throw it.
        throw new UnsupportedOperationException("TODO: download every uri at once, at most one per slot");
    }

    /**
     * Downloads {@code uri}, the download at {@code index} of the list, while holding a slot; {@code done}
     * counts the downloads of the batch that have arrived.
     */
    private String downloadOne(int index, URI uri, AtomicInteger done, int total)
            throws DownloadException, InterruptedException {
        // TODO: take a slot, report started, fetch with retries, report finished with the count done so far, and give the slot back.
        throw new UnsupportedOperationException("TODO: download one uri while holding a slot");
    }
}
