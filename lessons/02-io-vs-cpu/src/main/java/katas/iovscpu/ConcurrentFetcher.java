package katas.iovscpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** Fetches many pages at once, so that a batch takes about as long as its slowest page, not the sum of them all. */
final class ConcurrentFetcher {

    private ConcurrentFetcher() {
    }

    /**
     * Fetches every url from {@code source}, all at the same time, and returns the pages in the
     * order of {@code urls}. A fetch is I/O-bound: it spends nearly all its time waiting for the
     * network, so overlapping the waits makes the batch take about as long as its slowest fetch.
     * No thread started here outlives the call.
     *
     * @throws ExecutionException if a fetch failed; its exception is the cause
     */
    static List<String> fetchAll(PageSource source, List<String> urls) throws InterruptedException, ExecutionException {
        // TODO: start every fetch on a thread of its own before waiting for any of them, then collect the pages in order and shut the threads down.
        List<String> pages = new ArrayList<>(urls.size());
        for (String url : urls) {
            pages.add(source.fetch(url));
        }
        return pages;
    }

    /** Fetches a few pages from the pretend network and says how long the batch took. */
    public static void main(String[] args) throws Exception {
        List<String> urls = List.of("https://pages.example.com/a", "https://pages.example.com/b",
                "https://pages.example.com/c", "https://pages.example.com/d", "https://pages.example.com/e");
        long start = System.nanoTime();
        List<String> pages = fetchAll(PageSource.simulated(), urls);
        System.out.printf("%d pages in %d ms (each fetch takes 50 to 250 ms)%n", pages.size(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
