package katas.threads;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tiny program that {@link BackgroundTest} runs in a JVM of its own, to see what the JVM does
 * with the learner's background threads once a real {@code main} (a non-daemon thread) returns.
 * A line starting with {@link #WRONG} tells the test at once that waiting for the JVM is pointless.
 */
final class BackgroundDemo {

    static final String MAIN_RETURNS = "main returns";
    static final String WRONG = "WRONG: ";
    static final List<String> LINES = List.of("line 1", "line 2", "line 3", "line 4", "line 5");

    private BackgroundDemo() {
    }

    /** {@code heartbeat PATIENCE_MS}: starts a heartbeat and returns. {@code writer}: starts a writer and returns. */
    public static void main(String[] args) {
        try {
            switch (args[0]) {
                case "heartbeat" -> {
                    CountDownLatch beating = new CountDownLatch(1);
                    Thread heartbeat = Background.startHeartbeat(beating::countDown, Duration.ofMillis(1));
                    if (!heartbeat.isDaemon()) {
                        System.out.println(WRONG + "the heartbeat that main() started is not a daemon thread.");
                    }
                    if (!beating.await(Long.parseLong(args[1]), TimeUnit.MILLISECONDS)) {
                        System.out.println(WRONG + "the heartbeat that main() started never beat.");
                    }
                }
                case "writer" -> {
                    Thread main = Thread.currentThread();
                    // Each line waits until main has returned: only a thread that keeps the JVM alive can write it.
                    Thread writer = Background.startWriter(LINES, line -> {
                        try {
                            main.join();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        System.out.println(line);
                    });
                    if (writer.isDaemon()) {
                        System.out.println(WRONG + "the writer that main() started is a daemon thread.");
                    }
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        } catch (Throwable failure) {
            System.out.println(WRONG + "main() failed with " + failure);
        }
        System.out.println(MAIN_RETURNS);
    }
}
