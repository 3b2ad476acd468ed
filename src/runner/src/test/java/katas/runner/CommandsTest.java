package katas.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The kata command, on a tiny course")
class CommandsTest {

    private static final String ADDER = "lessons/01-tiny/src/main/java/katas/tiny/Adder.java";
    private static final String PAIR = "lessons/01-tiny/src/main/java/katas/tiny/Pair.java";
    private static final String ADDER_SOLUTION = "solutions/01-tiny/src/main/java/katas/tiny/Adder.java";

    @TempDir
    Path dir;

    FixtureCourse course;

    @BeforeEach
    void copyCourse() {
        course = FixtureCourse.copyTo(dir);
    }

    @Nested
    @DisplayName("list")
    class ListCommandTest {

        @Test
        @DisplayName("shows every lesson and kata with its state, a lesson without katas too")
        void everything() {
            course.commitAll();
            FixtureCourse.Result result = course.kata("list");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).contains("0 of 2 katas solved", "01-tiny  A tiny lesson",
                    "> [ ] tiny-adder", "not started", "tiny-pair", "02-empty", "(no katas yet)");
        }

        @Test
        @DisplayName("filters by id or title, and by state")
        void filters() {
            assertThat(course.kata("list", "pair").out()).contains("tiny-pair").doesNotContain("tiny-adder");
            assertThat(course.kata("list", "--state", "solved").out()).contains("No lesson or kata matches");
        }

        @Test
        @DisplayName("says which states exist when given another")
        void badState() {
            FixtureCourse.Result result = course.kata("list", "--state", "done");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_OR_ERROR);
            assertThat(result.err()).contains("solved, failing, not-started or not-checked");
        }
    }

    @Nested
    @DisplayName("hint")
    class HintCommandTest {

        @Test
        @DisplayName("shows the first hint, and how to get the next")
        void first() {
            FixtureCourse.Result result = course.kata("hint", "tiny-adder");
            assertThat(result.out()).contains("Hint 1 of 2: Which operator adds?", "kata hint tiny-adder 2")
                    .doesNotContain("Return a + b.");
        }

        @Test
        @DisplayName("shows hints up to N, and refuses an N the kata does not have")
        void upTo() {
            assertThat(course.kata("hint", "tiny-adder", "2").out()).contains("Hint 2 of 2: Return a + b.");
            FixtureCourse.Result tooMany = course.kata("hint", "tiny-adder", "3");
            assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.USAGE_OR_ERROR);
            assertThat(tooMany.err()).contains("has hints 1 to 2");
        }

        @Test
        @DisplayName("names the way to find katas when given an unknown one")
        void unknown() {
            FixtureCourse.Result result = course.kata("hint", "tiny-nothing");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_OR_ERROR);
            assertThat(result.err()).contains("no kata or lesson called 'tiny-nothing'", "kata list");
        }
    }

    @Nested
    @DisplayName("notes")
    class NotesCommandTest {

        @Test
        @DisplayName("shows the lesson README as plain text")
        void readme() {
            FixtureCourse.Result result = course.kata("notes", "01");
            assertThat(result.out()).contains("LESSON 01: A TINY LESSON", "Goal: add two numbers",
                    "the JDK docs (https://docs.oracle.com/en/java/)", "    Adder.add(2, 3)").doesNotContain("```");
        }

        @Test
        @DisplayName("says so when a lesson has no README yet")
        void noReadme() {
            assertThat(course.kata("notes", "02-empty").out()).contains("has no notes yet");
        }
    }

    @Nested
    @DisplayName("run")
    class RunCommandTest {

        @Test
        @DisplayName("exits 1 with the test's message on the starter, and 0 once the kata is solved")
        void exitCodes() throws Exception {
            FixtureCourse.Result starter = course.kata("run", "tiny-adder");
            assertThat(starter.exitCode()).as(starter.out()).isEqualTo(ExitCodes.NOT_SOLVED);
            assertThat(starter.out()).contains("FAILED  tiny-adder", "2 + 3 should make 5");

            course.write(ADDER, course.read(ADDER_SOLUTION));
            FixtureCourse.Result solved = course.kata("run", "tiny-adder");
            assertThat(solved.exitCode()).as(solved.out()).isEqualTo(ExitCodes.OK);
            assertThat(solved.out()).contains("PASSED  tiny-adder");
            assertThat(course.kata("list").out()).contains("1 of 2 katas solved", "[x] tiny-adder", "[ ] tiny-pair",
                    "not started");
            course.write(PAIR, course.read(PAIR) + "// edited\n");
            assertThat(course.kata("list").out()).contains("[?] tiny-pair", "not run yet");
        }

        @Test
        @DisplayName("reports code that does not compile as a failure with the compiler's error")
        void compileError() {
            course.write(ADDER, course.read(ADDER).replace("return 0;", "return zero;"));
            FixtureCourse.Result result = course.kata("run", "Adder");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_SOLVED);
            assertThat(result.out()).contains("ERROR   tiny-adder", "does not compile", "Adder.java:11: error");
        }

        @Test
        @DisplayName("exits 2 for an unknown kata, and 0 for a lesson without katas")
        void usage() {
            assertThat(course.kata("run", "no-such-kata").exitCode()).isEqualTo(ExitCodes.USAGE_OR_ERROR);
            FixtureCourse.Result empty = course.kata("run", "02-empty");
            assertThat(empty.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(empty.out()).contains("has no katas yet");
        }
    }

    @Nested
    @DisplayName("reset")
    class ResetCommandTest {

        @Test
        @DisplayName("puts the starter back after a yes, keeps the learner's file, and --undo brings it back")
        void resetAndUndo() throws Exception {
            course.commitAll();
            String starter = course.read(ADDER);
            String mine = starter.replace("return 0;", "return a - b; // my try");
            course.write(ADDER, mine);

            FixtureCourse.Result reset = course.typing("y\n", "reset", "tiny-adder");
            assertThat(reset.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(reset.out()).contains("Go ahead? [y/N]", "Reset. Your version is in .kata/backups/");
            assertThat(course.read(ADDER)).isEqualTo(starter);
            try (var backups = Files.walk(course.file(".kata/backups"))) {
                assertThat(backups.filter(Files::isRegularFile).map(path -> {
                    try {
                        return Files.readString(path);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).as("the learner's version is kept").contains(mine);
            }

            FixtureCourse.Result undo = course.typing("y\n", "reset", "--undo");
            assertThat(undo.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(course.read(ADDER)).isEqualTo(mine);
            assertThat(course.kata("reset", "--undo").out()).contains("no reset to undo");
        }

        @Test
        @DisplayName("changes nothing without a yes")
        void noConfirmation() {
            course.commitAll();
            String mine = course.read(ADDER).replace("return 0;", "return 1;");
            course.write(ADDER, mine);
            FixtureCourse.Result result = course.typing("n\n", "reset", "01-tiny");
            assertThat(result.out()).contains("Nothing was changed.");
            assertThat(course.read(ADDER)).isEqualTo(mine);
            assertThat(course.file(".kata/backups")).doesNotExist();
        }

        @Test
        @DisplayName("in a copy that is not a git clone (a zip), puts back the starter as kata first saw it")
        void notAGitClone() {
            String starter = course.read(ADDER);
            assertThat(course.kata("list").out()).as("the first run records the starters").contains("not started");
            course.write(ADDER, "// mine");
            assertThat(course.kata("list").out()).as("an edit is not a starter").contains("[?] tiny-adder");

            FixtureCourse.Result result = course.typing("y\n", "reset", "tiny-adder");
            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(course.read(ADDER)).isEqualTo(starter);
            assertThat(course.typing("y\n", "reset", "--undo").exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(course.read(ADDER)).isEqualTo("// mine");
        }

        @Test
        @DisplayName("takes the starters from a record, not from git, when the copy sits inside some other git repository")
        void insideAnotherRepository(@TempDir Path outer) throws Exception {
            Files.writeString(outer.resolve("notes.txt"), "the learner's own repository");
            FixtureCourse.commitAll(outer);
            FixtureCourse inner = FixtureCourse.copyTo(outer.resolve("katas"));
            String starter = inner.read(ADDER);
            assertThat(inner.kata("list").out()).contains("not started");
            inner.write(ADDER, "// mine");
            assertThat(inner.kata("reset", "--yes", "tiny-adder").exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(inner.read(ADDER)).isEqualTo(starter);
        }

        @Test
        @DisplayName("refuses, and leaves the file alone, when it has no starter to put back")
        void noStarter() throws Exception {
            Files.createDirectories(course.file(".kata"));
            Files.writeString(course.file(".kata/starters"), "not a folder: the record cannot be made");
            course.write(ADDER, "// mine");
            FixtureCourse.Result result = course.typing("y\n", "reset", "tiny-adder");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_OR_ERROR);
            assertThat(result.err()).contains("cannot find the starter", ".kata/starters/", "Your file is unchanged");
            assertThat(course.read(ADDER)).isEqualTo("// mine");
        }
    }

    @Nested
    @DisplayName("solution")
    class SolutionCommandTest {

        @Test
        @DisplayName("stays hidden while the learner's version fails, unless the learner gives up")
        void hiddenUntilSolved() {
            FixtureCourse.Result hidden = course.kata("solution", "tiny-adder");
            assertThat(hidden.exitCode()).isEqualTo(ExitCodes.NOT_SOLVED);
            assertThat(hidden.out()).contains("does not pass yet", "--give-up").doesNotContain("return a + b;");

            FixtureCourse.Result shown = course.kata("solution", "tiny-adder", "--give-up");
            assertThat(shown.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(shown.out()).contains("Reference solution of tiny-adder", "-        return 0;",
                    "+        return a + b;");
        }

        @Test
        @DisplayName("is shown once the learner's version passes")
        void shownWhenSolved() {
            course.write(ADDER, course.read(ADDER_SOLUTION).replace("// The sum, nothing more.", "// mine"));
            FixtureCourse.Result shown = course.kata("solution", "tiny-adder");
            assertThat(shown.exitCode()).as(shown.out()).isEqualTo(ExitCodes.OK);
            assertThat(shown.out()).contains("-        // mine", "+        // The sum, nothing more.");
        }
    }

    @Nested
    @DisplayName("demo")
    class DemoCommandTest {

        @Test
        @DisplayName("says clearly that a lesson has no demonstration, and which lessons have one")
        void noDemo() {
            FixtureCourse.Result result = course.kata("demo", "02-empty");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_OR_ERROR);
            assertThat(result.out()).contains("Lesson 02-empty has no demonstration. Lessons with one: 01-tiny.");
        }

        @Test
        @DisplayName("runs the demonstration and draws which thread ran, waited and was blocked on a lock, and when")
        void timeline() {
            FixtureCourse.Result result = course.kata("demo", "01-tiny");
            assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).contains("both threads took three turns", "Thread timeline of 01-tiny",
                    "turn-taker-a", "turn-taker-b", "# blocked entering a lock", "z sleeping",
                    "blocked", "the lock of a Object, held by turn-taker-", "timeline.html");
            assertThat(course.file(".kata/demo/01-tiny/timeline.html")).content()
                    .contains("<svg", "turn-taker-a", "blocked entering a lock");
        }
    }

    @Nested
    @DisplayName("the instructors' commands (from the grader)")
    class InstructorCommandsTest {

        @Test
        @DisplayName("are listed by kata --help, and each answers --help")
        void listed() {
            FixtureCourse.Result help = course.kata("--help");
            assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(help.out()).contains("grade", "Grade a class's submissions", "export", "package");
            FixtureCourse.Result grade = course.kata("grade", "--help");
            assertThat(grade.exitCode()).as(grade.err()).isEqualTo(ExitCodes.OK);
            assertThat(grade.out()).contains("Usage: kata grade", "--hidden-tests", "--runs", "(default: grades)");
            assertThat(course.kata("package", "gradescope", "--help").out()).contains("Usage: kata package gradescope");
        }

        @Test
        @DisplayName("work on the course kata runs in: export writes a student copy whose starters reset can put back")
        void exportHere(@TempDir Path out) {
            Path student = out.resolve("student");
            FixtureCourse.Result export = course.kata("export", "--student", student.toString());
            assertThat(export.exitCode()).as(export.out() + export.err()).isEqualTo(ExitCodes.OK);
            assertThat(student.resolve(ADDER)).exists();
            assertThat(student.resolve("solutions")).doesNotExist();
            assertThat(student.resolve(".kata/starters/01-tiny/katas/tiny/Adder.java")).hasSameTextualContentAs(course.file(ADDER));

            FixtureCourse.Elsewhere copy = new FixtureCourse.Elsewhere(student);
            try {
                Files.writeString(student.resolve(ADDER), "// the student's try");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(copy.kata("reset", "--yes", "tiny-adder").exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(student.resolve(ADDER)).hasSameTextualContentAs(course.file(ADDER));
        }
    }

    @Test
    @DisplayName("says where to run it when there is no course")
    void noCourse(@TempDir Path elsewhere) {
        FixtureCourse.Result result = new FixtureCourse.Elsewhere(elsewhere).kata("list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_OR_ERROR);
        assertThat(result.err()).contains("No course.yaml in", "run this from the root of the course");
    }
}
