package katas.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

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
        // TODO: download the content, then append it to contents while holding the lock (release it in finally).
        throw new UnsupportedOperationException("TODO: download the file, then append its content under the lock");
    }

    /**
     * Downloads every url at the same time, each on its own thread running {@link #downloadFile},
     * and returns {@code contents} once every file is in it (the notes' {@code manual_threading(urls)}).
     * The caller supplies {@code contents}, the list all the threads share, so it can watch it.
     */
    static List<String> manualThreading(FileSource source, List<String> urls, List<String> contents)
            throws InterruptedException {
        // TODO: create one lock, start one thread per url that calls downloadFile, then join every thread.
        throw new UnsupportedOperationException("TODO: download every url on its own thread, sharing one lock");
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
