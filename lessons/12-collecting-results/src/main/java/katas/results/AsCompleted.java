package katas.results;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        // TODO: submit every download to an ExecutorCompletionService on the pool, then take() each finished Future in turn.
        throw new UnsupportedOperationException("TODO: collect the results in the order they finish");
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
