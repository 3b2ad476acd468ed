package katas.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:4")
@DisplayName("Task 4: FailFast.downloadAll()")
class FailFastTest {

    private static final List<String> URLS = List.of(
            "https://files.example.com/file_1.txt",
            "https://files.example.com/file_2.txt",
            "https://files.example.com/file_3.txt",
            "https://files.example.com/file_4.txt");

    /** Three threads for four downloads: file_4 waits in the queue. */
    private final TestPool pool = new TestPool(3);
    private final Holds holds = new Holds();

    @AfterEach
    void stopThePool() {
        holds.releaseAll();
        pool.close();
    }

    @Test
    @DisplayName("returns the contents in url order when every download succeeds, whatever order they finish in")
    void allSucceedInUrlOrder() {
        List<String> urls = URLS.subList(0, 3);
        FileSource source = url -> {
            holds.hold(url);
            return fileOf(url);
        };
        AtomicReference<List<String>> returned = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> returned.set(FailFast.downloadAll(pool.executor, source, urls)));
            try {
                awaitHeld(urls, caller, workers);
                int finished = 0;
                for (int index : new int[] {2, 0, 1}) { // file_3 finishes first, then file_1, then file_2
                    holds.release(urls.get(index));
                    assertThat(pool.awaitFinished(++finished)).withFailMessage("The test's pool did not finish "
                            + fileOf(urls.get(index)) + " once it was let go.").isTrue();
                }
            } finally {
                holds.releaseAll();
            }
            workers.joinAll();
        }
        assertThat(returned.get())
                .withFailMessage(() -> Messages.wrongOrder(returned.get()))
                .containsExactly("file_1.txt", "file_2.txt", "file_3.txt");
    }

    @Test
    @DisplayName("when file_2 fails, throws its exception at once and cancels the others, interrupting those running")
    void firstFailureCancelsTheRest() {
        IOException reset = new IOException("connection reset while downloading file_2.txt");
        FileSource source = url -> {
            holds.hold(url);
            if (url.equals(URLS.get(1))) {
                throw reset;
            }
            return fileOf(url);
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> {
                try {
                    FailFast.downloadAll(pool.executor, source, URLS);
                } catch (DownloadFailedException failed) {
                    thrown.set(failed);
                }
            });
            awaitHeld(URLS.subList(0, 3), caller, workers);
            holds.release(URLS.get(1)); // file_2 fails now; file_1 and file_3 stay held until they are interrupted
            Probes.poll(() -> !caller.isAlive()
                    || pool.executor.getCompletedTaskCount() >= 1 && Probes.isWaitingOnOneFuture(caller));
            if (caller.isAlive()) {
                holds.releaseAll();
                throw Failures.failure(Messages.stillWaiting(), Messages.LOOK_COMPLETION_ORDER);
            }
            workers.joinAll();
        }
        Failures.expect(thrown.get() != null, Messages.failureLost(), Messages.LOOK_UNWRAP);
        DownloadFailedException failed = (DownloadFailedException) thrown.get();
        assertThat(failed.url()).withFailMessage(() -> Messages.wrongUrl(failed.url())).isEqualTo(URLS.get(1));
        assertThat(failed.getCause())
                .withFailMessage(() -> Messages.wrongCause(failed.getCause(), reset))
                .isSameAs(reset);
        // cancel(true) interrupts a running task before it returns, so this holds the moment downloadAll() has thrown.
        for (int index : new int[] {0, 2}) {
            String url = URLS.get(index);
            assertThat(holds.wasInterrupted(url)).withFailMessage(() -> Messages.leftRunning(fileOf(url))).isTrue();
        }
        String last = URLS.get(3);
        assertThat(!holds.started(last) || holds.wasInterrupted(last))
                .withFailMessage(Messages.queuedRan())
                .isTrue();
    }

    /** Waits until the given downloads are all held at once; fails if downloadAll() returned before that. */
    private void awaitHeld(List<String> urls, Thread caller, Workers workers) {
        boolean allHeld = Probes.poll(() -> urls.stream().allMatch(holds::isHolding) || !caller.isAlive());
        if (!caller.isAlive()) {
            holds.releaseAll();
            workers.joinAll(); // rethrows what downloadAll() threw, such as "not written yet"
            throw Failures.failure("downloadAll() returned while the downloads were still held: it did not wait for"
                    + " them.", Messages.LOOK_COMPLETION_ORDER);
        }
        assertThat(allHeld)
                .withFailMessage(() -> "Only " + holds.holdingCount() + " of " + urls.size() + " downloads were running"
                        + " at once: submit them all before waiting for any.")
                .isTrue();
    }

    private static String fileOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String LOOK_COMPLETION_ORDER = "take the Futures in the order they finish"
                + " (ExecutorCompletionService.take()), so a failure is seen the moment it happens";
        static final String LOOK_UNWRAP = "catch the ExecutionException of get() and throw new"
                + " DownloadFailedException(url, e.getCause())";

        static String wrongOrder(List<String> returned) {
            return "downloadAll() returned " + returned + ", but the contents must come back in url order,"
                    + " [file_1.txt, file_2.txt, file_3.txt], though they finished as file_3, file_1, file_2.\n"
                    + "What to look at: remember each Future's index, and put its result at that index.";
        }

        static String stillWaiting() {
            return "file_2.txt failed, but downloadAll() is still waiting in Future.get() for file_1.txt, which is"
                    + " still running: reading the Futures in url order, it cannot notice the failure until file_1"
                    + " is done.";
        }

        static String failureLost() {
            return "The download of file_2.txt threw, but downloadAll() returned normally: the failure was lost.";
        }

        static String wrongUrl(String url) {
            return "DownloadFailedException named " + url + ", but the download that failed was " + URLS.get(1)
                    + ".\nWhat to look at: map each Future back to its url.";
        }

        static String wrongCause(Throwable cause, Throwable expected) {
            return "DownloadFailedException's cause was " + cause + ", but it should be the download's own exception, "
                    + expected + ".\nWhat to look at: the ExecutionException is only an envelope: pass on getCause().";
        }

        static String leftRunning(String file) {
            return "downloadAll() threw, but the download of " + file + " was never interrupted: it goes on running"
                    + " for a result nobody will read.\nWhat to look at: in a finally block, call cancel(true) on every"
                    + " Future; cancel(false) does not interrupt a task that has started.";
        }

        static String queuedRan() {
            return "file_4.txt, still queued when file_2 failed, was started and left running.\nWhat to look at:"
                    + " cancel(...) every Future, queued ones included: a cancelled task never starts.";
        }
    }
}
