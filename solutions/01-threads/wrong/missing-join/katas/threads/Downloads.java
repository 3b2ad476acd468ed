package katas.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** The download example of the notes: one thread per file, every content appended to one shared list under one lock. */
final class Downloads {

    private Downloads() {
    }

    /**
     * Downloads {@code url} from {@code source} and appends the content to {@code contents}, holding
     * {@code lock} while it appends (the notes' {@code download_file(url, contents, lock)}).
     */
    static void downloadFile(FileSource source, String url, List<String> contents, Lock lock)
            throws InterruptedException {
        // The slow part runs without the lock, so the downloads overlap; only the append is guarded.
        String content = source.download(url);
        // Java's `with lock:` is lock() then try/finally unlock(): the lock is released even if add() throws.
        lock.lock();
        try {
            contents.add(content);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Downloads every url at the same time, each on its own thread running {@link #downloadFile},
     * and returns {@code contents} once every file is in it (the notes' {@code manual_threading(urls)}).
     * The caller supplies {@code contents}, the list all the threads share, so it can watch it.
     */
    static List<String> manualThreading(FileSource source, List<String> urls, List<String> contents)
            throws InterruptedException {
        // One lock for the one shared list: every thread must take this same lock for it to exclude anything.
        Lock lock = new ReentrantLock();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            Thread thread = new Thread(() -> {
                try {
                    downloadFile(source, url, contents, lock);
                } catch (InterruptedException e) {
                    // A Runnable cannot throw it: keep the interrupt flag set so the thread's owner can see it.
                    Thread.currentThread().interrupt();
                }
            }, "thread-" + (i + 1));
            thread.start();
            threads.add(thread);
        }
        // Wait for every download before handing back the list; before that it is still being filled.
        return contents;
    }

    /** Runs the example against a pretend network, as the notes do: the files arrive in any order. */
    public static void main(String[] args) throws InterruptedException {
        List<String> urls = List.of(
                "https://files.example.com/file_1.txt",
                "https://files.example.com/file_2.txt",
                "https://files.example.com/file_3.txt");
        System.out.println(manualThreading(FileSource.simulated(), urls, new ArrayList<>()));
    }
}
