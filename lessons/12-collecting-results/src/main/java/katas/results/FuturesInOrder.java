package katas.results;

import java.util.List;
import java.util.concurrent.ExecutorService;

/** Results through Futures, read in the order the tasks were submitted. */
final class FuturesInOrder {

    private FuturesInOrder() {
    }

    /**
     * Downloads every url on {@code pool}, all at once, and returns the contents in the order of
     * {@code urls}, whatever order the downloads finish in.
     *
     * @throws DownloadFailedException for the first url (in url order) whose download failed, with
     *     the download's own exception as the cause
     */
    static List<String> downloadAll(ExecutorService pool, FileSource source, List<String> urls)
            throws DownloadFailedException, InterruptedException {
        // TODO: submit every download, then get() the Futures in submission order, turning an ExecutionException into a DownloadFailedException with its cause.
        throw new UnsupportedOperationException("TODO: collect the results through Futures, in submission order");
    }
}
