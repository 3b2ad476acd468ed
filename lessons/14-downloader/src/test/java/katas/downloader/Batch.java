package katas.downloader;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import katas.testkit.Delays;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Helpers for tests that run a batch of downloads against the {@link TestServer}. */
final class Batch {

    private Batch() {
    }

    /** The names file_1.txt to file_{@code count}.txt. */
    static List<String> names(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "file_" + i + ".txt").toList();
    }

    /** The addresses of {@code names} on {@code server}. */
    static List<URI> uris(TestServer server, List<String> names) {
        return names.stream().map(server::uri).toList();
    }

    /**
     * Waits until exactly {@code held} requests are held by the server and {@code waiting} downloads wait
     * for a slot, which is where correct code settles while the server holds every request. Returns
     * early, with {@code false}, as soon as more than {@code slots} requests were ever in flight at once
     * or {@code caller} has ended; also {@code false} if the state is not reached within the patience delay.
     */
    static boolean awaitSettled(TestServer server, Semaphore slotsGiven, int slots, int held, int waiting,
            Thread caller) {
        BooleanSupplier settled = () -> server.held().size() == held && slotsGiven.getQueueLength() == waiting;
        boolean stopped = eventually(() -> settled.getAsBoolean() || server.maxInFlight() > slots || !caller.isAlive());
        return stopped && settled.getAsBoolean() && server.maxInFlight() <= slots;
    }

    /** Polls {@code condition} until it holds (true) or the patience delay runs out (false). */
    static boolean eventually(BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(Delays.PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .pollInSameThread().until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException timeout) {
            return false;
        }
    }

    /** Waits at most the patience delay for {@code thread} to end; returns whether it has. */
    static boolean ends(Thread thread) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for `" + thread.getName() + "`", e);
        }
        return !thread.isAlive();
    }
}
