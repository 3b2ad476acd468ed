package katas.results;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
        // Submit everything first, so every download is in flight before we wait for any of them.
        List<Future<String>> downloads = new ArrayList<>(urls.size());
        for (String url : urls) {
            downloads.add(pool.submit(() -> source.download(url)));
        }
        // Then read the Futures in submission order: get() waits for that one download, so the order of the
        // results is the order of the list, not the order in which the downloads happened to finish.
        List<String> contents = new ArrayList<>(urls.size());
        for (int i = 0; i < downloads.size(); i++) {
            try {
                contents.add(downloads.get(i).get());
            } catch (ExecutionException failed) {
                // ExecutionException is only the envelope: its cause is what the download threw. Pass that on.
                throw new DownloadFailedException(urls.get(i), failed.getCause());
            }
        }
        return contents;
    }
}
