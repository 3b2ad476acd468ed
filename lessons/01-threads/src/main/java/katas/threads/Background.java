package katas.threads;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Two kinds of background thread: a heartbeat the JVM may abandon, and a writer the JVM must wait for. */
final class Background {

    private Background() {
    }

    /**
     * Starts a daemon thread named {@code heartbeat} that runs {@code beat}, then pauses for
     * {@code interval}, over and over until the thread is interrupted, then ends. Returns the
     * started thread; interrupting it is how its owner stops it.
     */
    static Thread startHeartbeat(Runnable beat, Duration interval) {
        // TODO: create the thread, make it a daemon before starting it, and end its loop when it is interrupted.
        throw new UnsupportedOperationException("TODO: start a daemon heartbeat thread that stops when interrupted");
    }

    /**
     * Starts a non-daemon thread named {@code writer} that hands each of {@code lines} to
     * {@code sink}, in order, then ends, whichever thread calls this. Returns the started thread.
     * Because it is not a daemon, the JVM does not exit until it has written every line, even if
     * {@code main} has returned.
     */
    static Thread startWriter(List<String> lines, Consumer<String> sink) {
        // TODO: create and start a thread that writes every line; leave it a non-daemon.
        throw new UnsupportedOperationException("TODO: start a non-daemon writer thread");
    }
}
