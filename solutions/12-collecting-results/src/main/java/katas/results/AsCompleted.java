package katas.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        // A CompletionService queues each Future the moment its task finishes: take() hands them out in that order.
        CompletionService<String> finished = new ExecutorCompletionService<>(pool);
        Map<Future<String>, String> urlOf = new HashMap<>();
        for (String url : urls) {
            urlOf.put(finished.submit(() -> source.download(url)), url);
        }
        List<String> contents = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            Future<String> next = finished.take(); // waits for whichever download finishes next
            try {
                String content = next.get(); // already done: get() does not wait here
                onDone.accept(content);
                contents.add(content);
            } catch (ExecutionException failed) {
                throw new DownloadFailedException(urlOf.get(next), failed.getCause());
            }
        }
        return contents;
    }

    /** Prints each file as it arrives, as the notes' output does. */
    public static void main(String[] args) throws DownloadFailedException, InterruptedException {
        List<String> urls = List.of(
                "https://files.example.com/file_1.txt",
                "https://files.example.com/file_2.txt",
                "https://files.example.com/file_3.txt");
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<String> contents = downloadAll(pool, FileSource.simulated(), urls,
                    content -> System.out.println("Download completed: " + content));
            System.out.println(contents);
        }
    }
}
