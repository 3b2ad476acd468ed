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
        Thread heartbeat = new Thread(() -> {
            // interrupt() sets the flag, or wakes sleep() with an InterruptedException: both end the loop.
            while (!Thread.currentThread().isInterrupted()) {
                beat.run();
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }, "heartbeat");
        // A daemon never keeps the JVM alive: when the last non-daemon thread ends, the JVM exits without it.
        // It must be set before start(); afterwards setDaemon() throws IllegalThreadStateException.
        heartbeat.setDaemon(true);
        heartbeat.start();
        return heartbeat;
    }

    /**
     * Starts a non-daemon thread named {@code writer} that hands each of {@code lines} to
     * {@code sink}, in order, then ends, whichever thread calls this. Returns the started thread.
     * Because it is not a daemon, the JVM does not exit until it has written every line, even if
     * {@code main} has returned.
     */
    static Thread startWriter(List<String> lines, Consumer<String> sink) {
        Thread writer = new Thread(() -> lines.forEach(sink), "writer");
        // A new thread inherits daemon status from the thread that creates it; say explicitly that this one
        // is not a daemon, so the JVM waits for it even when it is started from a daemon thread.
        writer.setDaemon(false);
        writer.start();
        return writer;
    }
}
