package katas.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import katas.core.Course;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How submissions are read: only kata files are taken, whatever shape or trickery the submission has. */
@DisplayName("The intake")
class IntakeTest {

    private static final Course COURSE = Course.load(Fixture.resource());
    private static final String COUNTER = "lessons/01-counting/src/main/java/katas/counting/Counter.java";

    private final Intake intake = new Intake(COURSE, Fixture.BASE.resolve("intake-scratch"));

    @Test
    @DisplayName("takes a whole course inside a zip's top folder, and reports changed tests")
    void zipWithTopFolder() {
        Path zip = Fixture.zip(Fixture.fresh("intake-zip").resolve("alice.zip"), List.of(
                new String[] {"threading-katas-main/" + COUNTER, "class Counter { }"},
                new String[] {"threading-katas-main/lessons/01-counting/src/test/java/katas/counting/CounterTest.java", "gutted"},
                new String[] {"threading-katas-main/notes.txt", "my notes"}));
        Submission submission = intake.read(zip.toString(), Intake.nameOf(zip.toString()));
        assertThat(submission.student()).isEqualTo("alice");
        assertThat(submission.problem()).isNull();
        assertThat(submission.files().get("01-counting")).containsOnlyKeys("katas/counting/Counter.java");
        assertThat(submission.intake().changed()).containsExactly("lessons/01-counting/src/test/java/katas/counting/CounterTest.java");
        assertThat(submission.intake().ignored()).containsExactly("notes.txt");
        assertThat(submission.intake().missing()).hasSize(3);
    }

    @Test
    @DisplayName("takes just the lessons folder")
    void lessonsOnly() {
        Fixture.Submission lessons = Fixture.Submission.empty("intake-lessons-only")
                .write("01-counting/src/main/java/katas/counting/Counter.java", "class Counter { }");
        Submission submission = intake.read(lessons.path(), "bob");
        assertThat(submission.intake().taken()).containsExactly(COUNTER);
    }

    @Test
    @DisplayName("matches loose kata files by name, as Gradescope stores single uploads")
    void looseFiles() {
        Fixture.Submission loose = Fixture.Submission.empty("intake-loose").write("Gate.java", "class Gate { }");
        Submission submission = intake.read(loose.path(), "carol");
        assertThat(submission.intake().taken()).containsExactly("lessons/02-signals/src/main/java/katas/signals/Gate.java");
    }

    @Test
    @DisplayName("refuses zip entries outside the submission, absolute ones, and oversized kata files")
    void unsafeEntries() {
        Path zip = Fixture.zip(Fixture.fresh("intake-unsafe").resolve("mallory.zip"), List.of(
                new String[] {"../" + COUNTER, "x"},
                new String[] {"/" + COUNTER, "x"},
                new String[] {"C:/" + COUNTER, "x"},
                new String[] {COUNTER, "y".repeat(Intake.MAX_FILE_BYTES + 1)}));
        Submission submission = intake.read(zip.toString(), "mallory");
        assertThat(submission.intake().rejected()).hasSize(4);
        assertThat(submission.files()).isEmpty();
        assertThat(Intake.isSafe("a/../../b")).isFalse();
        assertThat(Intake.isSafe("a/b..c/d")).isTrue();
    }

    @Test
    @DisplayName("says clearly what is wrong with input it cannot use, and never throws")
    void badInput() {
        assertThat(intake.read("/no/such/place", "dave").problem()).contains("no such file or folder");
        Path notZip = Fixture.fresh("intake-bad").resolve("broken.zip");
        String noLessons = Fixture.Submission.empty("intake-bad-2").write("x.txt", "x").path();
        try {
            java.nio.file.Files.writeString(notZip, "not a zip at all");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(intake.read(notZip.toString(), "erin").problem()).contains("damaged");
        assertThat(intake.read(noLessons, "frank").problem())
                .contains("no lessons of this course");
    }

    @Test
    @DisplayName("clones a git repository with --depth 1 and reads it like a folder")
    void gitClone() throws Exception {
        Path repo = Fixture.Submission.handedOut("intake-git").solved("01-counting", "katas/counting/Counter.java").root;
        run(repo, "git", "init", "-q");
        run(repo, "git", "add", ".");
        run(repo, "git", "-c", "user.name=s", "-c", "user.email=s@example.org", "commit", "-q", "-m", "done");
        Path bare = Fixture.BASE.resolve("intake-git-bare/student.git");
        Folders.delete(bare.getParent());
        run(Fixture.BASE, "git", "clone", "-q", "--bare", repo.toString(), bare.toString());
        Submission submission = intake.read(bare.toString(), Intake.nameOf(bare.toString()));
        assertThat(submission.student()).isEqualTo("student");
        assertThat(submission.problem()).isNull();
        assertThat(submission.intake().taken()).hasSize(4);
        assertThat(new String(submission.files().get("01-counting").get("katas/counting/Counter.java"))).contains("synchronized");
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
