package katas.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.ExclusiveSection;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Task 1: LockedResults.downloadAll()")
class LockedResultsTest {

    private final MadeThreads threads = new MadeThreads("pool-thread");
    /** A thread per task, which ends after its task: a finished task's thread cannot come back to the list. */
    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(threads);
    private final Holds holds = new Holds();
    private final Contents contents = new Contents();

    @AfterEach
    void stopThePool() {
        holds.releaseAll();
        pool.close();
    }

    @Test
    @DisplayName("appends every content while holding one lock that all the tasks share")
    void appendsUnderOneSharedLock() {
        List<String> urls = urls(4);
        FileSource source = url -> {
            contents.section.contender();
            holds.hold(url);
            return fileOf(url);
        };
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> {
                try {
                    LockedResults.downloadAll(pool, source, urls, contents);
                } catch (ExecutionException failed) {
                    if (!contents.section.wasViolated()) {
                        throw failed;
                    } // else: two appends overlapped, and assertNeverShared() below says so in the learner's terms
                }
            });
            try {
                awaitAllHeld(urls, caller, workers);
            } finally {
                holds.releaseAll(); // every download finishes at once: the appends race
            }
            workers.joinAll();
        }
        contents.section.assertNeverShared(Messages.LOOK_ONE_LOCK);
        assertThat(contents.snapshot())
                .withFailMessage(() -> Messages.notEveryFile(urls, contents.snapshot()))
                .containsExactlyInAnyOrderElementsOf(urls.stream().map(LockedResultsTest::fileOf).toList());
    }

    @Test
    @DisplayName("returns once every download is in, in the order they finished: file_2, file_3, file_1 as in the notes")
    void returnsWhenAllAreInInFinishingOrder() {
        List<String> urls = urls(3);
        FileSource source = url -> {
            holds.hold(url);
            return fileOf(url);
        };
        AtomicReference<List<String>> returned = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller",
                    () -> returned.set(LockedResults.downloadAll(pool, source, urls, contents)));
            try {
                awaitAllHeld(urls, caller, workers);
                for (int finishing : new int[] {1, 2}) { // file_2, then file_3
                    holds.release(urls.get(finishing));
                    String file = fileOf(urls.get(finishing));
                    boolean appended = Probes.poll(() -> contents.snapshot().contains(file) || !caller.isAlive());
                    assertThat(appended).withFailMessage(() -> Messages.neverAppended(file)).isTrue();
                    if (!caller.isAlive()) {
                        throw Failures.failure(Messages.returnedEarly(), Messages.LOOK_WAIT);
                    }
                }
                Waits.untilBlocked(caller, "downloadAll() while file_1.txt is still downloading");
                holds.release(urls.get(0));
            } finally {
                holds.releaseAll();
            }
            workers.joinAll();
        }
        assertThat(returned.get())
                .withFailMessage(Messages.notTheSameList())
                .isSameAs(contents);
        assertThat(contents.snapshot())
                .withFailMessage(() -> Messages.wrongOrder(contents.snapshot()))
                .containsExactly("file_2.txt", "file_3.txt", "file_1.txt");
    }

    /** Waits until every download is held at once; fails if downloadAll() returned before that. */
    private void awaitAllHeld(List<String> urls, Thread caller, Workers workers) {
        boolean allHeld = Probes.poll(() -> holds.holdingCount() == urls.size() || !caller.isAlive());
        if (!caller.isAlive()) {
            holds.releaseAll();
            workers.joinAll(); // rethrows what downloadAll() threw, such as "not written yet"
            throw Failures.failure(Messages.returnedEarly(), Messages.LOOK_WAIT);
        }
        assertThat(allHeld).withFailMessage(() -> Messages.notAllAtOnce(holds.holdingCount(), urls.size())).isTrue();
    }

    private static List<String> urls(int count) {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            urls.add("https://files.example.com/file_" + i + ".txt");
        }
        return List.copyOf(urls);
    }

    private static String fileOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The shared list the test hands over: its add() runs inside an ExclusiveSection, which sees two appends at once. */
    private static final class Contents extends AbstractList<String> {

        final ExclusiveSection section = new ExclusiveSection("contents.add()");
        private final List<String> items = Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean add(String content) {
            add(size(), content);
            return true;
        }

        @Override
        public void add(int index, String content) {
            section.enter("adding " + content, () -> items.add(index, content));
        }

        @Override
        public String get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        List<String> snapshot() {
            synchronized (items) {
                return List.copyOf(items);
            }
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String LOOK_ONE_LOCK = "make one ReentrantLock in downloadAll(), before the loop, and take it in"
                + " every task around contents.add(...): lock(); try { add } finally { unlock(); }. A lock made inside"
                + " each task, or none, excludes nobody";
        static final String LOOK_WAIT = "keep the Future of every task you submit, and call get() on each before you"
                + " return: that is the pool's join()";

        static String returnedEarly() {
            return "downloadAll() returned while downloads were still running: the contents it returned were not"
                    + " complete yet.";
        }

        static String notAllAtOnce(int held, int expected) {
            return "Only " + held + " of the " + expected + " downloads were running at once; submit them all before"
                    + " waiting for any.\nWhat to look at: a loop that submits, then a loop that calls get().";
        }

        static String neverAppended(String file) {
            return "The test let " + file + " finish, but it never reached the contents list.\nWhat to look at: each"
                    + " task appends its own content, right after its download.";
        }

        static String notEveryFile(List<String> urls, List<String> actual) {
            return "After downloading " + urls.size() + " files the contents held " + actual + ": every file must be"
                    + " there exactly once.\nWhat to look at: one append per task, under the shared lock.";
        }

        static String notTheSameList() {
            return "downloadAll() must fill and return the contents list it was given, not a list of its own.\n"
                    + "What to look at: the tasks append to `contents`; return it.";
        }

        static String wrongOrder(List<String> actual) {
            return "The downloads finished as file_2, file_3, then file_1, and the shared list should show that order,"
                    + " as the notes' output does, but it held " + actual + ".\nWhat to look at: each task appends the"
                    + " moment its own download is done; do not sort or reorder.";
        }
    }
}
