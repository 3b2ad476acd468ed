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

@Tag("task:2")
@DisplayName("Task 2: FuturesInOrder.downloadAll()")
class FuturesInOrderTest {

    private static final List<String> URLS = List.of(
            "https://files.example.com/file_1.txt",
            "https://files.example.com/file_2.txt",
            "https://files.example.com/file_3.txt");

    private final TestPool pool = new TestPool(3);
    private final Holds holds = new Holds();

    @AfterEach
    void stopThePool() {
        holds.releaseAll();
        pool.close();
    }

    @Test
    @DisplayName("returns the contents in url order, though the downloads finish as file_3, file_1, file_2")
    void resultsInSubmissionOrder() {
        FileSource source = url -> {
            holds.hold(url);
            return fileOf(url);
        };
        AtomicReference<List<String>> returned = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> returned.set(FuturesInOrder.downloadAll(pool.executor, source, URLS)));
            try {
                boolean allHeld = Probes.poll(() -> holds.holdingCount() == URLS.size() || !caller.isAlive());
                if (!caller.isAlive()) {
                    holds.releaseAll();
                    workers.joinAll(); // rethrows what downloadAll() threw, such as "not written yet"
                    throw Failures.failure(Messages.returnedEarly(), Messages.LOOK_GET_IN_ORDER);
                }
                assertThat(allHeld).withFailMessage(() -> Messages.notAllAtOnce(holds.holdingCount())).isTrue();
                int finished = 0;
                for (int index : new int[] {2, 0, 1}) { // file_3 finishes first, then file_1, then file_2
                    holds.release(URLS.get(index));
                    assertThat(pool.awaitFinished(++finished)).withFailMessage("The test's pool did not finish "
                            + fileOf(URLS.get(index)) + " once it was let go.").isTrue();
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
    @DisplayName("throws DownloadFailedException naming the url, with the download's own exception as the cause")
    void surfacesTheDownloadsOwnException() {
        IOException reset = new IOException("connection reset while downloading file_2.txt");
        FileSource source = url -> {
            if (url.equals(URLS.get(1))) {
                throw reset;
            }
            return fileOf(url);
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<List<String>> returned = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            workers.start("caller", () -> {
                try {
                    returned.set(FuturesInOrder.downloadAll(pool.executor, source, URLS));
                } catch (DownloadFailedException failed) {
                    thrown.set(failed);
                }
            });
            workers.joinAll();
        }
        Failures.expect(thrown.get() != null, Messages.failureLost(returned.get()), Messages.LOOK_UNWRAP);
        DownloadFailedException failed = (DownloadFailedException) thrown.get();
        assertThat(failed.url()).withFailMessage(() -> Messages.wrongUrl(failed.url())).isEqualTo(URLS.get(1));
        assertThat(failed.getCause())
                .withFailMessage(() -> Messages.wrongCause(failed.getCause(), reset))
                .isSameAs(reset);
    }

    private static String fileOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String LOOK_GET_IN_ORDER = "submit every download first, keep the Futures in a list, then call get()"
                + " on each in that order";
        static final String LOOK_UNWRAP = "Future.get() throws ExecutionException when the task threw; catch it and"
                + " throw new DownloadFailedException(url, e.getCause()): the cause is what the download threw";

        static String returnedEarly() {
            return "downloadAll() returned while the downloads were still held: it did not wait for them.";
        }

        static String notAllAtOnce(int held) {
            return "Only " + held + " of the " + URLS.size() + " downloads were running at once: submit them all"
                    + " before waiting for any.\nWhat to look at: " + LOOK_GET_IN_ORDER + ".";
        }

        static String wrongOrder(List<String> returned) {
            return "downloadAll() returned " + returned + ", but the contents must come back in url order,"
                    + " [file_1.txt, file_2.txt, file_3.txt], though the downloads finished as file_3, file_1, file_2.\n"
                    + "What to look at: collecting results as they finish gives finishing order; " + LOOK_GET_IN_ORDER
                    + ".";
        }

        static String failureLost(List<String> returned) {
            return "The download of file_2.txt threw, but downloadAll() returned " + returned + " instead of throwing"
                    + " DownloadFailedException: the failure was lost.";
        }

        static String wrongUrl(String url) {
            return "DownloadFailedException named " + url + ", but the download that failed was " + URLS.get(1) + ".\n"
                    + "What to look at: keep track of which url each Future belongs to.";
        }

        static String wrongCause(Throwable cause, Throwable expected) {
            return "DownloadFailedException's cause was " + cause + ", but it should be the download's own exception, "
                    + expected + ".\nWhat to look at: the ExecutionException is only an envelope: pass on getCause().";
        }
    }
}
