package katas.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("Task 3: AsCompleted.downloadAll()")
class AsCompletedTest {

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
    @DisplayName("hands over each content as soon as its download finishes: file_3, then file_1, then file_2")
    void reportsEachResultAsItFinishes() {
        FileSource source = url -> {
            holds.hold(url);
            return fileOf(url);
        };
        Queue<String> heard = new ConcurrentLinkedQueue<>();
        AtomicReference<List<String>> returned = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller",
                    () -> returned.set(AsCompleted.downloadAll(pool.executor, source, URLS, heard::add)));
            try {
                boolean allHeld = Probes.poll(() -> holds.holdingCount() == URLS.size() || !caller.isAlive());
                if (!caller.isAlive()) {
                    holds.releaseAll();
                    workers.joinAll(); // rethrows what downloadAll() threw, such as "not written yet"
                    throw Failures.failure(Messages.returnedEarly(), Messages.LOOK_COMPLETION_SERVICE);
                }
                assertThat(allHeld).withFailMessage(() -> Messages.notAllAtOnce(holds.holdingCount())).isTrue();
                for (int index : new int[] {2, 0}) { // file_3 finishes first, then file_1; file_2 stays held
                    String file = fileOf(URLS.get(index));
                    holds.release(URLS.get(index));
                    // Either onDone hears of it, or downloadAll() is stuck in get() of a download still running.
                    Probes.poll(() -> heard.contains(file) || Probes.isWaitingOnOneFuture(caller) || !caller.isAlive());
                    if (!heard.contains(file)) {
                        throw Failures.failure(Messages.notHeard(file, List.copyOf(heard)), Messages.LOOK_COMPLETION_SERVICE);
                    }
                }
                holds.release(URLS.get(1));
            } finally {
                holds.releaseAll();
            }
            workers.joinAll();
        }
        List<String> finishingOrder = List.of("file_3.txt", "file_1.txt", "file_2.txt");
        assertThat(List.copyOf(heard))
                .withFailMessage(() -> Messages.heardWrong(List.copyOf(heard)))
                .containsExactlyElementsOf(finishingOrder);
        assertThat(returned.get())
                .withFailMessage(() -> Messages.returnedWrong(returned.get()))
                .containsExactlyElementsOf(finishingOrder);
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
        try (Workers workers = new Workers()) {
            workers.start("caller", () -> {
                try {
                    AsCompleted.downloadAll(pool.executor, source, URLS, content -> { });
                } catch (DownloadFailedException failed) {
                    thrown.set(failed);
                }
            });
            workers.joinAll();
        }
        Failures.expect(thrown.get() != null, "The download of file_2.txt threw, but downloadAll() returned normally:"
                + " the failure was lost.", Messages.LOOK_UNWRAP);
        DownloadFailedException failed = (DownloadFailedException) thrown.get();
        assertThat(failed.url())
                .withFailMessage(() -> "DownloadFailedException named " + failed.url() + ", not " + URLS.get(1)
                        + ", the download that failed.\nWhat to look at: map each Future back to its url.")
                .isEqualTo(URLS.get(1));
        assertThat(failed.getCause())
                .withFailMessage(() -> "DownloadFailedException's cause was " + failed.getCause() + ", not the"
                        + " download's own exception.\nWhat to look at: " + Messages.LOOK_UNWRAP + ".")
                .isSameAs(reset);
    }

    private static String fileOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String LOOK_COMPLETION_SERVICE = "submit every download to an ExecutorCompletionService built on"
                + " the pool, then call take() once per url: it hands you each Future the moment its task finishes";
        static final String LOOK_UNWRAP = "catch the ExecutionException of get() and throw new"
                + " DownloadFailedException(url, e.getCause())";

        static String returnedEarly() {
            return "downloadAll() returned while the downloads were still held: it did not wait for them.";
        }

        static String notAllAtOnce(int held) {
            return "Only " + held + " of the " + URLS.size() + " downloads were running at once: submit them all"
                    + " before waiting for any.\nWhat to look at: " + LOOK_COMPLETION_SERVICE + ".";
        }

        static String notHeard(String file, List<String> heard) {
            return file + " had finished, but onDone had heard only of " + heard + ": downloadAll() is waiting in"
                    + " Future.get() for a download that is still running (submission order, or invokeAll(), which"
                    + " waits for all), so a finished result sits unreported.";
        }

        static String heardWrong(List<String> heard) {
            return "onDone heard " + heard + ", but the downloads finished as file_3, file_1, file_2: it must hear"
                    + " each content once, the moment it finishes.\nWhat to look at: " + LOOK_COMPLETION_SERVICE + ".";
        }

        static String returnedWrong(List<String> returned) {
            return "downloadAll() returned " + returned + ", but it must return the contents in the order they"
                    + " finished: [file_3.txt, file_1.txt, file_2.txt].\nWhat to look at: add each content to the"
                    + " result as you take() it.";
        }
    }
}
