package katas.results;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

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
        // One lock for every task: a lock that each task made for itself would exclude nobody.
        Lock lock = new ReentrantLock();
        List<Future<Void>> tasks = new ArrayList<>(urls.size());
        for (String url : urls) {
            Callable<Void> task = () -> {
                String content = source.download(url); // outside the lock: downloads must overlap
                lock.lock();
                try {
                    contents.add(content); // inside: the list is shared, and ArrayList is not thread-safe
                } finally {
                    lock.unlock();
                }
                return null;
            };
            tasks.add(pool.submit(task));
        }
        // The pool's version of join(): wait for every task. get() also makes each task's append visible here,
        // and passes a failed download's exception on.
        for (Future<Void> task : tasks) {
            task.get();
        }
        return contents;
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
