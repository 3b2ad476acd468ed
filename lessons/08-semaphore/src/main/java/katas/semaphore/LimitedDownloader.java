package katas.semaphore;

import java.io.IOException;

/**
 * A downloader that many threads share, and that lets at most {@code maxAtOnce} downloads run at the
 * same time: a server that allows each client only so many connections, say. A thread that calls
 * {@link #download} while {@code maxAtOnce} downloads are in flight waits until one of them ends.
 */
public final class LimitedDownloader {

    private final FileSource source;
    // TODO: add a java.util.concurrent.Semaphore with one permit per download that may run at once.

    /**
     * @param maxAtOnce how many downloads may be in flight at the same time
     * @throws IllegalArgumentException if {@code maxAtOnce} is less than 1
     */
    public LimitedDownloader(FileSource source, int maxAtOnce) {
        if (maxAtOnce < 1) {
            throw new IllegalArgumentException("maxAtOnce must be at least 1, not " + maxAtOnce);
        }
        this.source = source;
    }

    /**
     * Downloads {@code url} from the source, first waiting while {@code maxAtOnce} other downloads are in
     * flight.
     */
    public String download(String url) throws IOException, InterruptedException {
        // TODO: take a permit before fetching, and give it back when the fetch ends, on every path.
        return source.fetch(url);
    }
}
