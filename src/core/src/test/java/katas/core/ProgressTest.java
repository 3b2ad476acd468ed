package katas.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A learner's progress")
class ProgressTest {

    private static final String SHARED = "lessons/14-downloads/src/main/java/katas/downloads/Downloader.java";
    private static final String ALONE = "lessons/14-downloads/src/main/java/katas/downloads/Limits.java";

    @TempDir
    Path root;

    Course course;
    Progress progress;
    Kata retries;
    Kata cancel;
    Kata limits;

    /** A lesson where two katas (two tasks) are solved in one file, and a third kata has a file of its own. */
    @BeforeEach
    void course() throws IOException {
        Files.writeString(root.resolve("course.yaml"), """
                lessons:
                  - id: 14-downloads
                    title: "Downloads"
                    package: katas.downloads
                    katas:
                      - {id: downloads-retries, task: 1, title: a, file: katas/downloads/Downloader.java, tests: [katas.downloads.RetriesTest]}
                      - {id: downloads-cancel, task: 2, title: b, file: katas/downloads/Downloader.java, tests: [katas.downloads.CancelTest]}
                      - {id: downloads-limits, task: 3, title: c, file: katas/downloads/Limits.java, tests: [katas.downloads.LimitsTest]}
                """);
        write(SHARED, "class Downloader { /* TODO: retries and cancel */ }");
        write(ALONE, "class Limits { /* TODO: limits */ }");
        write("lessons/14-downloads/src/test/java/katas/downloads/RetriesTest.java", "class RetriesTest {}");
        course = Course.load(root);
        progress = new Progress(course, root.resolve(".kata/results.properties"), new Starters(course));
        retries = course.kata("downloads-retries").orElseThrow();
        cancel = course.kata("downloads-cancel").orElseThrow();
        limits = course.kata("downloads-limits").orElseThrow();
    }

    @Nested
    @DisplayName("with two katas in one file")
    class SharedFile {

        @Test
        @DisplayName("forgets a kata's verdict when its file changes, though another kata shares that file")
        void sharedFileCounts() throws IOException {
            solve(retries);
            assertThat(progress.state(retries)).isEqualTo(Progress.State.SOLVED);
            write(SHARED, "class Downloader { /* retries done; TODO: cancel */ }");
            assertThat(progress.state(retries)).as("the verdict was reached on another version of its own file")
                    .isNotEqualTo(Progress.State.SOLVED);
            assertThat(progress.solvedCount()).isZero();
        }

        @Test
        @DisplayName("keeps a kata's verdict when only another kata's own file changes")
        void otherKatasFileDoesNotCount() throws IOException {
            solve(retries);
            write(ALONE, "class Limits { int max = 4; }");
            assertThat(progress.state(retries)).isEqualTo(Progress.State.SOLVED);
            assertThat(progress.fingerprint(course.lessonOf(limits), limits))
                    .as("the other kata's fingerprint does see its file").isNotEqualTo(fingerprintBefore(limits));
        }

        private String fingerprintBefore(Kata kata) throws IOException {
            String now = read(ALONE);
            write(ALONE, "class Limits { /* TODO: limits */ }");
            String before = progress.fingerprint(course.lessonOf(kata), kata);
            write(ALONE, now);
            return before;
        }
    }

    @Nested
    @DisplayName("in a copy that is not a git clone (a zip)")
    class NotAGitClone {

        @Test
        @DisplayName("knows the starters from what it recorded on first sight, and never records over them")
        void recordedStarters() throws IOException {
            Starters starters = new Starters(course);
            assertThat(starters.isGitClone()).isFalse();
            assertThat(starters.recordFirstSight()).hasSize(2);
            assertThat(progress.state(limits)).isEqualTo(Progress.State.NOT_STARTED);

            write(ALONE, "class Limits { int max = 4; }");
            assertThat(starters.recordFirstSight()).as("a record is made once").isEmpty();
            assertThat(starters.starter(course.lessonOf(limits), limits)).contains("class Limits { /* TODO: limits */ }");
            assertThat(progress.state(limits)).isEqualTo(Progress.State.NOT_CHECKED);
            assertThat(progress.state(retries)).isEqualTo(Progress.State.NOT_STARTED);
        }

        @Test
        @DisplayName("does not take a file with no TODO left for a starter: it was worked on before the first sight")
        void workedOnBeforeFirstSight() throws IOException {
            write(ALONE, "class Limits { int max = 4; }");
            Starters starters = new Starters(course);
            assertThat(starters.recordFirstSight()).hasSize(1);
            assertThat(starters.starter(course.lessonOf(limits), limits)).isEmpty();
            assertThat(progress.state(limits)).isEqualTo(Progress.State.NOT_CHECKED);
        }

        @Test
        @DisplayName("has no starters before the first record, rather than guessing")
        void nothingRecorded() {
            assertThat(new Starters(course).starter(course.lessonOf(limits), limits)).isEmpty();
            assertThat(progress.state(limits)).isEqualTo(Progress.State.NOT_CHECKED);
        }
    }

    private void solve(Kata kata) {
        Lesson lesson = course.lessonOf(kata);
        progress.record(kata, progress.fingerprint(lesson, kata), KataVerdict.Status.SOLVED);
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }
}
