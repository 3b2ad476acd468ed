package katas.results;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The notes' way to collect results: every task appends to one shared list, under one shared lock. */
final class LockedResults {

    private LockedResults() {
    }

    /**
     * Downloads every url on {@code pool}; each task appends its content to {@code contents} while
     * holding one lock that all the tasks share. Returns {@code contents} once every download is in
     * it, in the order the downloads finished (as in the notes' output). The pool belongs to the
     * caller: it is not shut down.
     *
     * @throws ExecutionException if a download failed; its exception is the cause
     */
    static List<String> downloadAll(ExecutorService pool, FileSource source, List<String> urls, List<String> contents)
            throws InterruptedException, ExecutionException {
        // TODO: make one lock, submit a task per url that downloads and then appends under the lock, and get() every task's Future before returning.
        throw new UnsupportedOperationException("TODO: download on the pool, appending each content under one shared lock");
    }

    /** Runs the notes' example on a pool of three threads: the files arrive in any order. */
    public static void main(String[] args) throws InterruptedException, ExecutionException {
        List<String> urls = List.of(
                "https://files.example.com/file_1.txt",
                "https://files.example.com/file_2.txt",
                "https://files.example.com/file_3.txt");
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            System.out.println(downloadAll(pool, FileSource.simulated(), urls, new ArrayList<>()));
        }
    }
}
