package katas.pools;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        // A fixed pool: exactly `workers` threads, made by the factory we were given; the other downloads wait in
        // its queue. try-with-resources calls close(), which shuts the pool down and waits until it has terminated,
        // as Python's `with ThreadPoolExecutor(...) as executor:` does at the end of the block.
        // The mistake: a cached pool makes a new thread for every download that finds the others busy.
        try (ExecutorService pool = Executors.newCachedThreadPool(threads)) {
            List<Callable<String>> downloads = new ArrayList<>(urls.size());
            for (String url : urls) {
                downloads.add(() -> source.download(url));
            }
            // invokeAll submits every download before it waits for any, and returns the Futures in the order of the
            // tasks (like Python's executor.map): reading them in that order gives the contents in url order.
            List<String> contents = new ArrayList<>(urls.size());
            for (Future<String> download : pool.invokeAll(downloads)) {
                contents.add(download.get());
            }
            return contents;
        }
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
