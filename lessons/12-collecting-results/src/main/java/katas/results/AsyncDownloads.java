package katas.results;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Downloads as {@code CompletableFuture}s: started at once, combined, and bounded by timeouts. */
final class AsyncDownloads {

    private AsyncDownloads() {
    }

    /**
     * Starts downloading {@code url} on {@code executor} and returns at once. The future completes
     * with the content, or exceptionally with what the download threw.
     */
    static CompletableFuture<String> download(Executor executor, FileSource source, String url) {
        // TODO: supplyAsync the download on `executor`, rethrowing a checked exception wrapped in a CompletionException.
        throw new UnsupportedOperationException("TODO: start the download on the executor and return its future");
    }

    /**
     * Like {@link #download}, but completes with {@code fallback} if the download has not finished
     * within {@code timeout}.
     */
    static CompletableFuture<String> downloadOr(Executor executor, FileSource source, String url, Duration timeout,
            String fallback) {
        // TODO: complete download(...) with the fallback when the timeout runs out (completeOnTimeout).
        throw new UnsupportedOperationException("TODO: a download with a fallback after a timeout");
    }

    /**
     * Starts every download at once and returns at once. The future completes with the contents in
     * the order of {@code urls} once all are in; exceptionally with a download's exception if one
     * failed; or exceptionally with a {@code TimeoutException} if they are not all in within
     * {@code timeout}.
     */
    static CompletableFuture<List<String>> downloadAll(Executor executor, FileSource source, List<String> urls,
            Duration timeout) {
        // TODO: start every download, combine them with allOf(...).orTimeout(...), then join each future in url order.
        throw new UnsupportedOperationException("TODO: every download at once, in url order, within a timeout");
    }
}
