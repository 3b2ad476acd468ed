package katas.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
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
        // The mistake: results in the order the downloads finish, not in the order of the urls.
        CompletionService<String> finished = new ExecutorCompletionService<>(pool);
        Map<Future<String>, String> urlOf = new HashMap<>();
        for (String url : urls) {
            urlOf.put(finished.submit(() -> source.download(url)), url);
        }
        List<String> contents = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            Future<String> next = finished.take();
            try {
                contents.add(next.get());
            } catch (ExecutionException failed) {
                throw new DownloadFailedException(urlOf.get(next), failed.getCause());
            }
        }
        return contents;
    }
}
