package katas.results;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
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
        // Completion order, not url order: a failure must be seen the moment it happens, even if the first url is
        // still downloading.
        CompletionService<String> finished = new ExecutorCompletionService<>(pool);
        Map<Future<String>, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            indexOf.put(finished.submit(() -> source.download(url)), i);
        }
        List<String> contents = new java.util.ArrayList<>(urls.size());
        try {
            for (int done = 0; done < urls.size(); done++) {
                Future<String> next = finished.take();
                int index = indexOf.get(next);
                try {
                    contents.add(next.get()); // in the order they finish, not in url order
                } catch (ExecutionException failed) {
                    throw new DownloadFailedException(urls.get(index), failed.getCause());
                }
            }
        } finally {
            // On a failure (or if we are interrupted), cancel the rest. cancel(true) interrupts a running download;
            // cancel(false) would let it run on. On success every Future is done, and cancel() does nothing.
            for (Future<String> download : indexOf.keySet()) {
                download.cancel(true);
            }
        }
        return contents;
    }
}
