package katas.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import katas.testkit.ExclusiveSection;
import katas.testkit.LockNames;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:2")
@DisplayName("The download example")
class DownloadsTest {

    private static final List<String> URLS = List.of(
            "https://files.example.com/file_1.txt",
            "https://files.example.com/file_2.txt",
            "https://files.example.com/file_3.txt",
            "https://files.example.com/file_4.txt");

    private static final List<String> FILES = List.of("file_1.txt", "file_2.txt", "file_3.txt", "file_4.txt");

    @Nested
    @DisplayName("downloadFile()")
    class DownloadFile {

        @Test
        @DisplayName("appends the downloaded content while holding the lock it is given")
        void appendsUnderTheLock() {
            ReentrantLock lock = LockNames.name(new ReentrantLock(), "the contents lock");
            Contents contents = new Contents(lock);
            FileSource source = url -> url.substring(url.lastIndexOf('/') + 1);
            try (Workers workers = new Workers()) {
                workers.start("thread-1", () -> Downloads.downloadFile(source, URLS.get(0), contents, lock));
                workers.joinAll();
            }
            assertThat(contents.addedWithoutLock)
                    .withFailMessage(Messages.addedWithoutLock())
                    .isEmpty();
            assertThat(contents.snapshot())
                    .withFailMessage(Messages.wrongContents(List.of("file_1.txt"), contents.snapshot()))
                    .containsExactly("file_1.txt");
            assertThat(lock.isLocked())
                    .withFailMessage(Messages.lockStillHeld())
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("manualThreading()")
    class ManualThreading {

        @Test
        @DisplayName("downloads every file at once, appends each under one shared lock, and returns when all are in")
        void downloadsTogetherAndCollectsEveryFileOnce() {
            Contents contents = new Contents(null);
            HeldTargets held = new HeldTargets(URLS.size(), "manualThreading()", "download");
            FileSource source = url -> {
                contents.section.contender();
                held.hold(url);
                return url.substring(url.lastIndexOf('/') + 1);
            };
            AtomicReference<List<String>> returned = new AtomicReference<>();
            AtomicReference<List<String>> contentsWhenReturned = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                Thread caller = workers.start("caller", () -> {
                    held.callerStarts();
                    returned.set(Downloads.manualThreading(source, URLS, contents));
                    contentsWhenReturned.set(contents.snapshot());
                });
                try {
                    held.awaitAllHeld(caller, workers);
                    held.assertCallerWaits(caller);
                } finally {
                    held.release();
                }
                workers.joinAll();
            }

            contents.section.assertNeverShared(Messages.sharedAppend());
            assertThat(contentsWhenReturned.get())
                    .withFailMessage(Messages.wrongContents(FILES, contentsWhenReturned.get()))
                    .containsExactlyInAnyOrderElementsOf(FILES);
            assertThat(returned.get())
                    .withFailMessage(Messages.notReturned())
                    .isSameAs(contents);
        }
    }

    /**
     * The shared list the test hands over. Its add() runs inside an {@link ExclusiveSection}, which
     * notices two threads adding at once on every run, and, when given the lock, checks it is held.
     */
    private static final class Contents extends AbstractList<String> {

        final ExclusiveSection section = new ExclusiveSection("contents.add()");
        final List<String> addedWithoutLock = Collections.synchronizedList(new ArrayList<>());
        private final List<String> items = Collections.synchronizedList(new ArrayList<>());
        private final ReentrantLock lock;

        Contents(ReentrantLock lock) {
            this.lock = lock;
        }

        @Override
        public boolean add(String content) {
            add(size(), content);
            return true;
        }

        @Override
        public void add(int index, String content) {
            if (lock != null && !lock.isHeldByCurrentThread()) {
                addedWithoutLock.add(content);
            }
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

        static String addedWithoutLock() {
            return "downloadFile() appended to contents without holding the lock it was given.\n"
                    + "What to look at: lock.lock(), then contents.add(...) inside try, then lock.unlock() in finally.";
        }

        static String lockStillHeld() {
            return "downloadFile() returned with the lock still held, so the next thread would wait for it forever.\n"
                    + "What to look at: unlock() in a finally block, right after the try that holds the append.";
        }

        static String sharedAppend() {
            return "every thread must append while holding the same lock: make one lock in manualThreading() and"
                    + " pass it to every downloadFile(); a lock per thread, or none, excludes nobody";
        }

        static String wrongContents(List<String> expected, List<String> actual) {
            return "When the call returned, contents should have held every file exactly once, in any order: "
                    + expected + ", but it held " + actual + ".\n"
                    + "What to look at: each thread appends its own file once; join() every thread before returning.";
        }

        static String notReturned() {
            return "manualThreading() should return the contents list it was given, now holding every file.\n"
                    + "What to look at: the return statement.";
        }
    }
}
