package katas.semaphore;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * A downloader that many threads share, and that lets at most {@code maxAtOnce} downloads run at the
 * same time: a server that allows each client only so many connections, say. A thread that calls
 * {@link #download} while {@code maxAtOnce} downloads are in flight waits until one of them ends.
 */
public final class LimitedDownloader {

    private final FileSource source;
    // One permit per download that may be in flight. One semaphore for the whole downloader, shared by
    // every thread that calls download(): a semaphore made per call would limit nobody.
    private final Semaphore slots;

    /**
     * @param maxAtOnce how many downloads may be in flight at the same time
     * @throws IllegalArgumentException if {@code maxAtOnce} is less than 1
     */
    public LimitedDownloader(FileSource source, int maxAtOnce) {
        if (maxAtOnce < 1) {
            throw new IllegalArgumentException("maxAtOnce must be at least 1, not " + maxAtOnce);
        }
        this.source = source;
        this.slots = new Semaphore(maxAtOnce);
    }

    /**
     * Downloads {@code url} from the source, first waiting while {@code maxAtOnce} other downloads are in
     * flight.
     */
    public synchronized String download(String url) throws IOException, InterruptedException {
        // acquire() just before try: if it throws (interrupted), this call holds no permit to give back.
        // MISTAKE: limits the downloads with the object's monitor (download() is synchronized) and never uses
        // the semaphore, so only one download runs at a time instead of up to maxAtOnce.
        return source.fetch(url);
    }
}
