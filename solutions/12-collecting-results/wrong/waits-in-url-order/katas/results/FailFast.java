package katas.results;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
        List<Future<String>> downloads = new ArrayList<>(urls.size());
        for (String url : urls) {
            downloads.add(pool.submit(() -> source.download(url)));
        }
        // The mistake: waiting in url order, a failure of file_2 is only seen once file_1 is done.
        List<String> contents = new ArrayList<>(urls.size());
        try {
            for (int i = 0; i < downloads.size(); i++) {
                try {
                    contents.add(downloads.get(i).get());
                } catch (ExecutionException failed) {
                    throw new DownloadFailedException(urls.get(i), failed.getCause());
                }
            }
        } finally {
            for (Future<String> download : downloads) {
                download.cancel(true);
            }
        }
        return contents;
    }
}
