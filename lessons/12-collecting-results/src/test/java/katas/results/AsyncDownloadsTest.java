package katas.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:5")
@DisplayName("Task 5: AsyncDownloads")
class AsyncDownloadsTest {

    private static final List<String> URLS = List.of(
            "https://files.example.com/file_1.txt",
            "https://files.example.com/file_2.txt",
            "https://files.example.com/file_3.txt");
    private static final String URL = URLS.get(0);

    private final TestPool pool = new TestPool(3);
    private final Holds holds = new Holds();
    /** Downloads that ran on a thread other than the pool's, as "file on `thread`". */
    private final Queue<String> elsewhere = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stopThePool() {
        holds.releaseAll();
        pool.close();
    }

    /** A source whose downloads are held until the test lets them go; one that runs off the pool is noted and not held. */
    private FileSource heldSource() {
        return url -> {
            Thread self = Thread.currentThread();
            if (!pool.threads.made(self)) {
                elsewhere.add(fileOf(url) + " on `" + self.getName() + "`");
                return fileOf(url);
            }
            holds.hold(url);
            return fileOf(url);
        };
    }

    /** Waits (at most the patience) for {@code future}, and returns its result or fails with what went wrong. */
    private static <T> T resultOf(CompletableFuture<T> future, String what) throws ExecutionException {
        try {
            return future.get(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            throw Failures.failure(what + " did not complete within " + Waits.inWords(Delays.PATIENCE) + ".",
                    "the future must complete on its own: with the value, with the fallback, or exceptionally");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, interrupted);
        }
    }

    private void checkRanOnThePool() {
        if (!elsewhere.isEmpty()) {
            throw Failures.failure(Messages.ranElsewhere(elsewhere.peek()), Messages.LOOK_EXECUTOR);
        }
    }

    @Nested
    @DisplayName("download()")
    class Download {

        @Test
        @DisplayName("returns at once, and downloads on a thread of the executor it is given")
        void startsOnTheExecutorAndReturnsAtOnce() throws ExecutionException {
            CompletableFuture<String> future = Waits.returnsPromptly("caller", "download()",
                    () -> AsyncDownloads.download(pool.executor, heldSource(), URL));
            boolean started = Probes.poll(() -> holds.isHolding(URL) || !elsewhere.isEmpty());
            checkRanOnThePool();
            assertThat(started).withFailMessage(Messages.neverStarted()).isTrue();
            assertThat(future.isDone()).withFailMessage(Messages.doneTooSoon()).isFalse();
            holds.release(URL);
            assertThat(resultOf(future, "download()")).isEqualTo("file_1.txt");
        }

        @Test
        @DisplayName("completes exceptionally with the download's own exception as the cause")
        void failsWithTheDownloadsOwnException() {
            IOException reset = new IOException("connection reset while downloading file_1.txt");
            CompletableFuture<String> future = Waits.returnsPromptly("caller", "download()",
                    () -> AsyncDownloads.download(pool.executor, url -> {
                        throw reset;
                    }, URL));
            Throwable cause = null;
            try {
                resultOf(future, "download() of a failing file");
            } catch (ExecutionException failed) {
                cause = failed.getCause();
            }
            Throwable actual = cause;
            assertThat(actual).withFailMessage(() -> Messages.wrongCause(actual, reset)).isSameAs(reset);
        }
    }

    @Nested
    @DisplayName("downloadOr()")
    class DownloadOr {

        @Test
        @DisplayName("completes with the fallback when the download outlasts the timeout")
        void fallsBackAfterTheTimeout() throws ExecutionException {
            // The download is held until the test ends: it always outlasts the short timeout.
            CompletableFuture<String> future = Waits.returnsPromptly("caller", "downloadOr()",
                    () -> AsyncDownloads.downloadOr(pool.executor, heldSource(), URL, Delays.SHORT, "(cached copy)"));
            String result;
            try {
                result = resultOf(future, "downloadOr() with a " + Waits.inWords(Delays.SHORT) + " timeout");
            } catch (ExecutionException failed) {
                throw Failures.failure(Messages.failedInsteadOfFallback(failed.getCause()), Messages.LOOK_FALLBACK);
            }
            checkRanOnThePool();
            assertThat(result).withFailMessage(() -> Messages.notTheFallback(result)).isEqualTo("(cached copy)");
        }

        @Test
        @DisplayName("completes with the content when the download is in time")
        void givesTheContentInTime() throws ExecutionException {
            FileSource quick = url -> fileOf(url);
            CompletableFuture<String> future = Waits.returnsPromptly("caller", "downloadOr()",
                    () -> AsyncDownloads.downloadOr(pool.executor, quick, URL, Delays.PATIENCE, "(cached copy)"));
            String result = resultOf(future, "downloadOr() of a quick download");
            assertThat(result).withFailMessage(() -> Messages.fallbackTooSoon(result)).isEqualTo("file_1.txt");
        }
    }

    @Nested
    @DisplayName("downloadAll()")
    class DownloadAll {

        @Test
        @DisplayName("completes with every content in url order, though they finish as file_3, file_1, file_2")
        void allInUrlOrder() throws ExecutionException {
            CompletableFuture<List<String>> future = Waits.returnsPromptly("caller", "downloadAll()",
                    () -> AsyncDownloads.downloadAll(pool.executor, heldSource(), URLS, Delays.PATIENCE));
            boolean allHeld = Probes.poll(() -> holds.holdingCount() == URLS.size() || !elsewhere.isEmpty());
            checkRanOnThePool();
            assertThat(allHeld)
                    .withFailMessage(() -> "Only " + holds.holdingCount() + " of " + URLS.size() + " downloads were"
                            + " running at once.\nWhat to look at: start every download before combining them.")
                    .isTrue();
            int finished = 0;
            for (int index : new int[] {2, 0, 1}) {
                holds.release(URLS.get(index));
                assertThat(pool.awaitFinished(++finished)).withFailMessage("The test's pool did not finish "
                        + fileOf(URLS.get(index)) + " once it was let go.").isTrue();
            }
            List<String> result = resultOf(future, "downloadAll()");
            assertThat(result)
                    .withFailMessage(() -> Messages.wrongOrder(result))
                    .containsExactly("file_1.txt", "file_2.txt", "file_3.txt");
        }

        @Test
        @DisplayName("completes exceptionally with a TimeoutException when not every download is in within the timeout")
        void timesOutAsAWhole() {
            FileSource oneSlow = url -> {
                if (url.equals(URLS.get(1))) {
                    holds.hold(url); // held until the test ends: it always outlasts the timeout
                }
                return fileOf(url);
            };
            CompletableFuture<List<String>> future = Waits.returnsPromptly("caller", "downloadAll()",
                    () -> AsyncDownloads.downloadAll(pool.executor, oneSlow, URLS, Delays.SHORT));
            Throwable cause = null;
            List<String> result = null;
            try {
                result = future.get(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException failed) {
                cause = failed.getCause();
            } catch (TimeoutException stuck) {
                throw Failures.failure(Messages.neverTimedOut(), Messages.LOOK_OR_TIMEOUT);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for downloadAll()", interrupted);
            }
            Throwable actual = cause;
            List<String> completed = result;
            assertThat(actual)
                    .withFailMessage(() -> Messages.notATimeout(actual, completed))
                    .isInstanceOf(TimeoutException.class);
        }
    }

    private static String fileOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String LOOK_EXECUTOR = "CompletableFuture.supplyAsync(supplier, executor): without the executor"
                + " argument the download runs on the JVM-wide common pool, and a plain call runs it on the caller";
        static final String LOOK_FALLBACK = "completeOnTimeout(fallback, time, unit) completes the future with the"
                + " fallback; orTimeout(time, unit) completes it with a TimeoutException instead";
        static final String LOOK_OR_TIMEOUT = "bound the combined future, not each download:"
                + " CompletableFuture.allOf(...).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)";

        static String ranElsewhere(String where) {
            return "The download of " + where + ", not on a thread of the executor it was given.";
        }

        static String neverStarted() {
            return "download() returned, but the download never started.\nWhat to look at: supplyAsync(...) starts"
                    + " the work at once on the executor.";
        }

        static String doneTooSoon() {
            return "download() returned a future that was already complete, although the download was still held.\n"
                    + "What to look at: return the future of the running download; do not wait for it.";
        }

        static String wrongCause(Throwable actual, Throwable expected) {
            return "get() on the failed download's future threw an ExecutionException whose cause was " + actual
                    + ", not the download's own exception " + expected + ".\nWhat to look at: wrap a checked exception"
                    + " in new CompletionException(e): the future unwraps exactly that envelope, and no other.";
        }

        static String failedInsteadOfFallback(Throwable cause) {
            return "downloadOr() completed exceptionally with " + cause + " when the download outlasted the timeout,"
                    + " instead of completing with the fallback.";
        }

        static String notTheFallback(String result) {
            return "downloadOr() completed with \"" + result + "\" though the download was still held after the"
                    + " timeout; it should complete with the fallback, \"(cached copy)\".\nWhat to look at: "
                    + LOOK_FALLBACK + ".";
        }

        static String fallbackTooSoon(String result) {
            return "downloadOr() completed with \"" + result + "\" although the download finished well within the"
                    + " timeout; it should give the content, \"file_1.txt\".\nWhat to look at: pass the timeout to"
                    + " completeOnTimeout as it is (timeout.toNanos(), TimeUnit.NANOSECONDS).";
        }

        static String wrongOrder(List<String> result) {
            return "downloadAll() completed with " + result + ", but the contents must come in url order,"
                    + " [file_1.txt, file_2.txt, file_3.txt], though they finished as file_3, file_1, file_2.\n"
                    + "What to look at: keep the list of futures in url order and join() each one after allOf; adding"
                    + " results as they arrive gives finishing order.";
        }

        static String neverTimedOut() {
            return "file_2.txt was still downloading long after the " + Waits.inWords(Delays.SHORT) + " timeout, yet"
                    + " downloadAll()'s future had not completed after " + Waits.inWords(Delays.PATIENCE) + ".";
        }

        static String notATimeout(Throwable cause, List<String> result) {
            return "When the downloads outlasted the timeout, downloadAll()'s future should fail with a"
                    + " TimeoutException, but it " + (cause == null ? "completed with " + result : "failed with " + cause)
                    + ".\nWhat to look at: " + LOOK_OR_TIMEOUT + ".";
        }
    }
}
