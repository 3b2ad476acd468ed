package katas.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The commands' usage and their answers to bad input, through picocli's own writers. */
@DisplayName("The grader's commands")
class CommandsTest {

    @Test
    @DisplayName("explain themselves with --help")
    void help() {
        StringWriter text = new StringWriter();
        assertThat(ExportAndPackageTest.run(text, "grade", "--help")).isZero();
        assertThat(text.toString()).contains("Grades submissions of this course").contains("--hidden-tests").contains("--runs");
        StringWriter packageText = new StringWriter();
        assertThat(ExportAndPackageTest.run(packageText, "package", "--help")).isZero();
        assertThat(packageText.toString()).contains("gradescope").contains("classroom");
    }

    @Test
    @DisplayName("say which course folder is wrong")
    void noCourse() {
        StringWriter text = new StringWriter();
        Path empty = Fixture.fresh("commands-no-course");
        assertThat(ExportAndPackageTest.run(text, "grade", "--course", empty.toString(), "x.zip")).isEqualTo(ExitCodes.USAGE);
        assertThat(text.toString()).contains("No course.yaml in " + empty);
    }

    @Test
    @DisplayName("refuse a settings file with a typo, naming it")
    void badSettings() throws Exception {
        Path course = Fixture.instructorCourse("commands-bad-settings");
        Path settings = course.resolve("typo.yaml");
        Files.writeString(settings, "runz: 5\n");
        StringWriter text = new StringWriter();
        assertThat(ExportAndPackageTest.run(text, "grade", "--course", course.toString(), "--config", settings.toString(), "x"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(text.toString()).contains("typo.yaml cannot be read").contains("runz");
        StringWriter runs = new StringWriter();
        assertThat(ExportAndPackageTest.run(runs, "grade", "--course", course.toString(), "--runs", "0", "x"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(runs.toString()).contains("runs must be between 1 and 100");
    }

    @Test
    @DisplayName("grade what they can read, put what they cannot in the reports with the reason, and exit 1")
    void unreadableSubmission() {
        Path course = Fixture.instructorCourse("commands-unreadable");
        Path out = Fixture.BASE.resolve("commands-unreadable-out");
        StringWriter text = new StringWriter();
        int code = ExportAndPackageTest.run(text, "grade", "--course", course.toString(), "--out", out.toString(),
                "--runs", "1", Fixture.Submission.handedOut("commands-untouched").path(), "/no/such/submission.zip");
        assertThat(code).as(text.toString()).isEqualTo(ExitCodes.SOME_NOT_GRADED);
        assertThat(text.toString()).contains("NOT GRADED: /no/such/submission.zip: no such file or folder")
                .contains("Graded 2 submission(s)");
        assertThat(out.resolve("grades.csv")).exists();
        assertThat(out.resolve("feedback/submission.md")).exists();
    }
}
