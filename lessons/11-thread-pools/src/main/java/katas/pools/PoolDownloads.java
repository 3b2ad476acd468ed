package katas.pools;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;

/** The notes' download example on a thread pool: Python's {@code ThreadPoolExecutor} is Java's {@code ExecutorService}. */
final class PoolDownloads {

    private PoolDownloads() {
    }

    /**
     * Downloads every url on a pool of exactly {@code workers} threads made by {@code threads}, at
     * most {@code workers} downloads at once, and returns the contents in the order of {@code urls}.
     * When it returns, the pool has been shut down and has terminated: no thread of it is left
     * waiting for work.
     *
     * @throws ExecutionException if a download failed; its exception is the cause
     */
    static List<String> downloadAll(FileSource source, List<String> urls, int workers, ThreadFactory threads)
            throws InterruptedException, ExecutionException {
        // TODO: make a fixed pool of `workers` threads from `threads` in try-with-resources, invokeAll the downloads, and return their results in order.
        throw new UnsupportedOperationException("TODO: download every url on a fixed pool, then shut the pool down");
    }

    /** Runs the example against a pretend network: five files on two threads. */
    public static void main(String[] args) throws InterruptedException, ExecutionException {
        List<String> urls = List.of(
                "https://files.example.com/file_1.txt",
                "https://files.example.com/file_2.txt",
                "https://files.example.com/file_3.txt",
                "https://files.example.com/file_4.txt",
                "https://files.example.com/file_5.txt");
        ThreadFactory named = Thread.ofPlatform().name("download-", 1).factory();
        System.out.println(downloadAll(FileSource.simulated(), urls, 2, named));
    }
}
