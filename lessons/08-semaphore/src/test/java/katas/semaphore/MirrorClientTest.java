package katas.semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The client is built on a semaphore the test owns, so after every call the test reads how many connections
 * are free, and can take them all itself to make the client wait.
 */
@Tag("task:2")
@DisplayName("Task 2: MirrorClient, connections that must always come back")
class MirrorClientTest {

    private static final int CONNECTIONS = 2;
    private static final String GOOD = "https://mirror.example.com/good.txt";
    private static final String BROKEN = "https://mirror.example.com/broken.txt";
    private static final String CRASH = "https://mirror.example.com/crash.txt";

    private final Semaphore connections = new Semaphore(CONNECTIONS);
    private final MirrorClient client = new MirrorClient(connections, MirrorClientTest::fetch);

    @Nested
    @DisplayName("download()")
    class Download {

        @Test
        @DisplayName("returns the content and gives the connection back")
        void returns_the_content_and_gives_the_connection_back() throws Exception {
            String content = Waits.returnsPromptly("downloader", "download() with both connections free",
                    () -> client.download(GOOD));
            assertThat(content).as(Messages.CONTENT).isEqualTo(fetch(GOOD));
            assertThat(connections.availablePermits()).withFailMessage(Messages.lostAfter("a good download"))
                    .isEqualTo(CONNECTIONS);
        }

        @Test
        @DisplayName("gives the connection back when a broken file throws IOException")
        void gives_the_connection_back_after_an_io_exception() throws Exception {
            for (int attempt = 1; attempt <= CONNECTIONS; attempt++) {
                Throwable thrown = Waits.returnsPromptly("downloader", "download() of a broken file",
                        () -> catchThrowable(() -> client.download(BROKEN)));
                assertThat(thrown).withFailMessage(Messages.passOn("download()", "IOException", thrown))
                        .isInstanceOf(IOException.class);
                assertThat(connections.availablePermits())
                        .withFailMessage(Messages.lostAfterFailure("IOException", connections.availablePermits()))
                        .isEqualTo(CONNECTIONS);
            }
        }

        @Test
        @DisplayName("gives the connection back when the mirror crashes with an unchecked exception")
        void gives_the_connection_back_after_an_unchecked_exception() throws Exception {
            Throwable thrown = Waits.returnsPromptly("downloader", "download() when the mirror crashes",
                    () -> catchThrowable(() -> client.download(CRASH)));
            assertThat(thrown).withFailMessage(Messages.passOn("download()", "IllegalStateException", thrown))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(connections.availablePermits())
                    .withFailMessage(Messages.lostAfterFailure("IllegalStateException", connections.availablePermits()))
                    .isEqualTo(CONNECTIONS);
        }

        @Test
        @DisplayName("interrupted while waiting for a connection, gives back nothing it never got")
        void interrupted_while_waiting_gives_back_nothing() throws InterruptedException {
            connections.acquire(CONNECTIONS); // the test takes every connection, so download() must wait
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread downloader = workers.start("downloader", () -> thrown.set(catchThrowable(() -> client.download(GOOD))));
                waitsInsideMirrorClient(downloader, "download() while every connection is taken");
                downloader.interrupt();
                workers.joinAll();
            }
            assertThat(thrown.get()).withFailMessage(Messages.passOn("an interrupted download()", "InterruptedException",
                    thrown.get())).isInstanceOf(InterruptedException.class);
            assertThat(connections.availablePermits())
                    .withFailMessage(Messages.madeUp("an interrupted download()", connections.availablePermits()))
                    .isZero();
            connections.release(CONNECTIONS);
        }
    }

    @Nested
    @DisplayName("tryDownload(url, patience)")
    class TryDownload {

        @Test
        @DisplayName("returns the content when a connection is free, and gives it back")
        void returns_the_content_and_gives_the_connection_back() throws Exception {
            Optional<String> content = Waits.returnsPromptly("downloader", "tryDownload() with both connections free",
                    () -> client.tryDownload(GOOD, Delays.PATIENCE));
            assertThat(content).as(Messages.CONTENT).contains(fetch(GOOD));
            assertThat(connections.availablePermits()).withFailMessage(Messages.lostAfter("a good tryDownload()"))
                    .isEqualTo(CONNECTIONS);
        }

        @Test
        @DisplayName("gives the connection back when a broken file throws IOException")
        void gives_the_connection_back_after_an_io_exception() throws Exception {
            Throwable thrown = Waits.returnsPromptly("downloader", "tryDownload() of a broken file",
                    () -> catchThrowable(() -> client.tryDownload(BROKEN, Delays.PATIENCE)));
            assertThat(thrown).withFailMessage(Messages.passOn("tryDownload()", "IOException", thrown))
                    .isInstanceOf(IOException.class);
            assertThat(connections.availablePermits())
                    .withFailMessage(Messages.lostAfterFailure("IOException", connections.availablePermits()))
                    .isEqualTo(CONNECTIONS);
        }

        @Test
        @DisplayName("gives up with an empty result when no connection frees up, and changes nothing")
        void gives_up_and_changes_nothing() throws Exception {
            connections.acquire(CONNECTIONS); // the test takes every connection for the whole call
            Optional<String> content = Waits.returnsPromptly("impatient", "tryDownload(url, "
                    + Waits.inWords(Delays.SHORT) + ") while every connection is taken",
                    () -> client.tryDownload(GOOD, Delays.SHORT));
            assertThat(content).withFailMessage(Messages.GAVE_UP_EMPTY).isEmpty();
            assertThat(connections.availablePermits())
                    .withFailMessage(Messages.madeUp("a tryDownload() that gave up", connections.availablePermits()))
                    .isZero();
            connections.release(CONNECTIONS);
        }
    }

    /** The pretend mirror: most files download, some are broken, and one crashes the mirror. */
    private static String fetch(String url) throws IOException {
        if (url.equals(BROKEN)) {
            throw new IOException("broken file: " + url);
        }
        if (url.equals(CRASH)) {
            throw new IllegalStateException("the mirror crashed while sending " + url);
        }
        return "content of " + url.substring(url.lastIndexOf('/') + 1);
    }

    /** Waits until {@code thread} waits inside MirrorClient (for a connection), failing if it returns instead. */
    private static void waitsInsideMirrorClient(Thread thread, String call) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                throw Failures.failure("`" + thread.getName() + "` returned from " + call
                        + " at once: it should have waited for a connection.", Messages.ACQUIRE_WAITS);
            }
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && Arrays.stream(
                    thread.getStackTrace()).anyMatch(f -> f.getClassName().equals(MirrorClient.class.getName()))) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(thread, call);
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String CONTENT = "the call should return what the mirror sent";
        static final String ACQUIRE_WAITS = "take the connection with connections.acquire(), which waits while none"
                + " is free.";
        static final String GAVE_UP_EMPTY = "tryDownload() should give up and return Optional.empty() when no"
                + " connection frees up within its patience.";

        static String lostAfter(String what) {
            return "After " + what + " the semaphore should have all " + CONNECTIONS
                    + " connections free again.\nWhat to look at: every acquire() needs its release().";
        }

        static String lostAfterFailure(String exception, int free) {
            return "After a download failed with " + exception + ", only " + free + " of " + CONNECTIONS
                    + " connections are free: the failed download kept its connection, and after " + CONNECTIONS
                    + " such failures every download waits forever.\nWhat to look at: release() in finally,"
                    + " so that it runs whatever fetch() throws: acquire(); try { return mirror.fetch(url); }"
                    + " finally { release(); }. A release() after fetch(), or in a catch for one kind of exception,"
                    + " is skipped by the others.";
        }

        static String madeUp(String what, int free) {
            return "While the test held all " + CONNECTIONS + " connections, " + what + " left " + free
                    + " connection(s) free: it released a permit it never acquired, and Java's Semaphore accepted it"
                    + " (it has no bound), so now more downloads can run at once than the mirror allows."
                    + "\nWhat to look at: release only what you acquired: call acquire()/tryAcquire() BEFORE the try"
                    + " whose finally releases, and return before it when tryAcquire() gives up.";
        }

        static String passOn(String call, String expected, Throwable actual) {
            return call + " should let the " + expected + " reach the caller, but "
                    + (actual == null ? "it returned normally" : "it threw " + actual);
        }
    }
}
