package katas.results;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Downloads as {@code CompletableFuture}s: started at once, combined, and bounded by timeouts. */
final class AsyncDownloads {

    private AsyncDownloads() {
    }

    /**
     * Starts downloading {@code url} on {@code executor} and returns at once. The future completes
     * with the content, or exceptionally with what the download threw.
     */
    static CompletableFuture<String> download(Executor executor, FileSource source, String url) {
        // supplyAsync with an executor: without one, the download would run on the JVM-wide common pool.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return source.download(url);
            } catch (Exception failed) {
                // A Supplier cannot throw checked exceptions. CompletionException is the envelope the future
                // unwraps: get() then throws an ExecutionException whose cause is `failed` itself.
                throw new CompletionException(failed);
            }
        }, executor);
    }

    /**
     * Like {@link #download}, but completes with {@code fallback} if the download has not finished
     * within {@code timeout}.
     */
    static CompletableFuture<String> downloadOr(Executor executor, FileSource source, String url, Duration timeout,
            String fallback) {
        // completeOnTimeout gives a value when time runs out; orTimeout would fail with a TimeoutException instead.
        return download(executor, source, url).completeOnTimeout(fallback, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Starts every download at once and returns at once. The future completes with the contents in
     * the order of {@code urls} once all are in; exceptionally with a download's exception if one
     * failed; or exceptionally with a {@code TimeoutException} if they are not all in within
     * {@code timeout}.
     */
    static CompletableFuture<List<String>> downloadAll(Executor executor, FileSource source, List<String> urls,
            Duration timeout) {
        List<CompletableFuture<String>> downloads = urls.stream().map(url -> download(executor, source, url)).toList();
        // allOf completes when every download has; orTimeout bounds the whole batch, not each download. Then each
        // join() is immediate, and reading the list of futures in order keeps the url order.
        return CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new))
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .thenApply(allIn -> downloads.stream().map(CompletableFuture::join).toList());
    }
}
