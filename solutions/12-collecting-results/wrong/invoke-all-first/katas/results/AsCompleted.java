package katas.results;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Results in the order they finish: Python's {@code as_completed} is Java's {@code ExecutorCompletionService}. */
final class AsCompleted {

    private AsCompleted() {
    }

    /**
     * Downloads every url on {@code pool}, all at once, and hands each content to {@code onDone} as
     * soon as its download finishes, in the order they finish; returns the contents in that order.
     *
     * @throws DownloadFailedException as soon as a download is found to have failed, with the
     *     download's own exception as the cause
     */
    static List<String> downloadAll(ExecutorService pool, FileSource source, List<String> urls, Consumer<String> onDone)
            throws DownloadFailedException, InterruptedException {
        List<Callable<String>> downloads = new ArrayList<>(urls.size());
        for (String url : urls) {
            downloads.add(() -> source.download(url));
        }
        // The mistake: invokeAll() waits for every download before anything is reported.
        List<Future<String>> futures = pool.invokeAll(downloads);
        List<String> contents = new ArrayList<>(urls.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                String content = futures.get(i).get();
                onDone.accept(content);
                contents.add(content);
            } catch (ExecutionException failed) {
                throw new DownloadFailedException(urls.get(i), failed.getCause());
            }
        }
        return contents;
    }
}
