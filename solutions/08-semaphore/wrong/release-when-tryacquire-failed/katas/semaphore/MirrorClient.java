package katas.semaphore;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Downloads from a mirror that allows only a few connections at once. The program shares one
 * {@link Semaphore} of connections (one permit per connection) between every part that talks to the
 * mirror; this client takes a permit for each download and must always give it back.
 *
 * <p>It works on a good day. But some files are broken, and then connections go missing until nothing
 * can download any more; and an impatient download that gives up seems to create connections out of thin air.
 */
public final class MirrorClient {

    private final Semaphore connections;
    private final FileSource mirror;

    public MirrorClient(Semaphore connections, FileSource mirror) {
        this.connections = connections;
        this.mirror = mirror;
    }

    /** Downloads {@code url}, waiting for a free connection first. */
    public String download(String url) throws IOException, InterruptedException {
        // acquire() before try, not inside it: an acquire() that is interrupted got no permit, and the
        // finally below must then not run. Java's Semaphore would accept that extra release() silently
        // and grow to more connections than the mirror allows.
        connections.acquire();
        try {
            return mirror.fetch(url);
        } finally {
            // A broken file throws out of fetch(); release() in finally runs on that path too, so the
            // connection is never lost. (A release() after fetch() is skipped by any exception, checked or not.)
            connections.release();
        }
    }

    /**
     * Downloads {@code url} if a connection frees up within {@code patience}; otherwise gives up and
     * returns an empty Optional, having changed nothing.
     */
    public Optional<String> tryDownload(String url, Duration patience) throws IOException, InterruptedException {
        // Only a true result means this call holds a permit; giving up (false) or being interrupted means it
        // holds none, so the try/finally that gives the permit back starts after the successful acquire.
        try {
            if (!connections.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
            return Optional.of(mirror.fetch(url));
        } finally {
            // MISTAKE: releases in finally even when tryAcquire() gave up, giving back a permit it never got.
            connections.release();
        }
    }
}
