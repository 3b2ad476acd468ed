package katas.results;

import java.util.List;
import java.util.concurrent.ExecutorService;

/** All or nothing: the first failed download cancels the others. */
final class FailFast {

    private FailFast() {
    }

    /**
     * Downloads every url on {@code pool}, all at once, and returns the contents in the order of
     * {@code urls}. As soon as any download fails, cancels every other one (interrupting those that
     * are running, so that none goes on for nothing, and dropping those not started), and throws
     * without waiting for them.
     *
     * @throws DownloadFailedException for the download that failed first, with its own exception as
     *     the cause
     */
    static List<String> downloadAll(ExecutorService pool, FileSource source, List<String> urls)
            throws DownloadFailedException, InterruptedException {
        // TODO: take the Futures in completion order, put each result at its url's index, and on the first failure cancel(true) the rest and throw.
        throw new UnsupportedOperationException("TODO: collect every result, or cancel the rest on the first failure");
    }
}
