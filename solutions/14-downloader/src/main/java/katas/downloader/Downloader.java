package katas.downloader;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        AtomicInteger done = new AtomicInteger(); // arrivals of this batch, counted by several threads at once
        // A virtual thread per download: a download mostly waits (for a slot, for the network), and a waiting
        // virtual thread costs next to nothing. The slots, not the number of threads, limit how many run.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            // The completion service hands back each download as it ends, so the first failure is seen at once,
            // not after the downloads listed before it.
            CompletionService<String> ended = new ExecutorCompletionService<>(executor);
            List<Future<String>> inListOrder = new ArrayList<>(uris.size());
            for (int i = 0; i < uris.size(); i++) {
                int index = i;
                inListOrder.add(ended.submit(() -> downloadOne(index, uris.get(index), done, uris.size())));
            }
            for (int i = 0; i < uris.size(); i++) {
                try {
                    ended.take().get();
                } catch (ExecutionException failed) {
                    throw rethrow(failed.getCause());
                }
            }
            // Every download has arrived: read the results in the order of the list, not of arrival.
            List<String> bodies = new ArrayList<>(uris.size());
            for (Future<String> body : inListOrder) {
                bodies.add(body.resultNow());
            }
            return bodies;
        } finally {
            // On a failure or an interrupt, cancel everything still running or waiting for a slot: the
            // interrupt aborts a send() (closing its connection), an acquire() and a back-off pause alike.
            // close() then waits until every download has ended, so none outlives this call.
            executor.shutdownNow();
            executor.close();
        }
    }

    /**
     * Downloads {@code uri}, the download at {@code index} of the list, while holding a slot; {@code done}
     * counts the downloads of the batch that have arrived.
     */
    private String downloadOne(int index, URI uri, AtomicInteger done, int total)
            throws DownloadException, InterruptedException {
        // Outside the try: a download interrupted while waiting for a slot never got one, and gives none back.
        slots.acquire();
        try {
            progress.started(index, uri);
            String body = Retrier.withRetries(attempt -> Fetcher.fetch(client, uri, timeout), retry);
            // incrementAndGet() is one atomic step: two downloads arriving at once get two different counts.
            progress.finished(index, uri, done.incrementAndGet(), total);
            return body;
        } finally {
            slots.release(); // in finally: a failed or cancelled download frees its slot too
        }
    }

    /** Throws the failure of a download as downloadAll() declares it. */
    private static RuntimeException rethrow(Throwable failure) throws DownloadException, InterruptedException {
        if (failure instanceof DownloadException download) {
            throw download;
        }
        if (failure instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a download failed unexpectedly", failure);
    }
}
