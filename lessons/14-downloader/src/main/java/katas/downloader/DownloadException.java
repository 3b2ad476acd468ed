package katas.downloader;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A download that failed: the server answered with an error status, no answer came in time, or the
 * connection broke. {@link #retryable()} says whether trying again may help.
 */
final class DownloadException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    enum Kind {
        /** The server answered with a status other than 2xx. */
        STATUS,
        /** No complete answer arrived within the timeout. */
        TIMEOUT,
        /** The connection could not be made, or broke. */
        BROKEN
    }

    private final URI uri;
    private final Kind kind;
    private final int status;

    private DownloadException(URI uri, Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
        this.kind = kind;
        this.status = status;
    }

    /** The server answered {@code uri} with {@code status} (not 2xx). */
    static DownloadException status(URI uri, int status) {
        return new DownloadException(uri, Kind.STATUS, status, uri + " answered " + status, null);
    }

    /** No complete answer for {@code uri} arrived within {@code timeout}. */
    static DownloadException timedOut(URI uri, Duration timeout, Throwable cause) {
        return new DownloadException(uri, Kind.TIMEOUT, -1, uri + " did not answer within " + timeout.toMillis() + " ms",
                cause);
    }

    /** The connection for {@code uri} could not be made, or broke. */
    static DownloadException broken(URI uri, IOException cause) {
        return new DownloadException(uri, Kind.BROKEN, -1, uri + " failed: " + cause, cause);
    }

    /** The address that failed. */
    URI uri() {
        return uri;
    }

    /** What went wrong. */
    Kind kind() {
        return kind;
    }

    /** The HTTP status the server answered, or {@code -1} if it did not answer. */
    int status() {
        return status;
    }

    /**
     * Whether trying again may help: after a timeout, a broken connection, a server error (5xx) or
     * "too many requests" (429), yes; after any other status (404 Not Found, 403 Forbidden, ...), no:
     * asking again gets the same answer.
     */
    boolean retryable() {
        return kind != Kind.STATUS || status >= 500 || status == 429;
    }
}
