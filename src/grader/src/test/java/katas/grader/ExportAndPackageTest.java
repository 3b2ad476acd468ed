package katas.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code kata export --student} and {@code kata package gradescope|classroom}, each contract checked by
 * simulating the engine's folder layout locally.
 */
@DisplayName("Handing out and packaging")
class ExportAndPackageTest {

    /** Runs a grader command; returns its exit code, with output and errors in {@code text}. */
    static int run(StringWriter text, String... args) {
        CommandLine commandLine = GradeMain.commandLine();
        PrintWriter writer = new PrintWriter(text, true);
        commandLine.setOut(writer);
        commandLine.setErr(writer);
        return commandLine.execute(args);
    }

    @Test
    @DisplayName("kata export --student writes the course without solutions, variants, hidden tests or settings")
    void export() {
        Path course = Fixture.instructorCourse("export");
        Path student = Fixture.BASE.resolve("export-student");
        Folders.delete(student);
        StringWriter text = new StringWriter();
        int code = run(text, "export", "--course", course.toString(), "--student", student.toString(),
                "--hidden-tests", course.resolve("hidden").toString());
        assertThat(code).as(text.toString()).isZero();
        assertThat(student.resolve("lessons/01-counting/src/main/java/katas/counting/Counter.java")).exists();
        assertThat(student.resolve("lessons/01-counting/src/test/java/katas/counting/CounterTest.java")).exists();
        assertThat(student.resolve("course.yaml")).exists();
        assertThat(student.resolve("solutions")).doesNotExist();
        assertThat(student.resolve("hidden")).doesNotExist();
        assertThat(student.resolve("grading.yaml")).doesNotExist();
        assertThat(student.resolve(".kata/starters/01-counting/katas/counting/Counter.java"))
                .as("the copy records its starters, for `kata reset` without git")
                .hasSameTextualContentAs(course.resolve("lessons/01-counting/src/main/java/katas/counting/Counter.java"));
        assertThat(run(new StringWriter(), "export", "--course", course.toString(), "--student", student.toString()))
                .as("a second export into the same folder overwrites nothing").isEqualTo(ExitCodes.USAGE);
    }

    @Test
    @DisplayName("kata export refuses, and keeps nothing, when a starter is a reference solution")
    void exportRefusesASolvedStarter() throws Exception {
        Path course = Fixture.instructorCourse("export-solved");
        Files.copy(course.resolve("solutions/02-signals/src/main/java/katas/signals/Gate.java"),
                course.resolve("lessons/02-signals/src/main/java/katas/signals/Gate.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path student = Fixture.BASE.resolve("export-solved-student");
        Folders.delete(student);
        StringWriter text = new StringWriter();
        assertThat(run(text, "export", "--course", course.toString(), "--student", student.toString()))
                .isEqualTo(ExitCodes.REFUSED);
        assertThat(text.toString()).contains("Gate.java is the reference solution");
        assertThat(student).doesNotExist();
    }

    @Test
    @DisplayName("kata package gradescope writes an autograder that grades /autograder/submission into results.json")
    void gradescope() throws Exception {
        Path course = Fixture.instructorCourse("gradescope");
        Files.writeString(course.resolve("grading.yaml"), Files.readString(course.resolve("grading.yaml"))
                .replace("runs: 3", "runs: 1") + "lessons: [02-signals]\n");
        Path zip = Fixture.BASE.resolve("gradescope/autograder.zip");
        StringWriter text = new StringWriter();
        int code = run(text, "package", "gradescope", "--course", course.toString(), "--config",
                course.resolve("grading.yaml").toString(), "--out", zip.toString());
        assertThat(code).as(text.toString()).isZero();
        Path root = Fixture.fresh("gradescope-autograder");
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<String> names = archive.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).contains("setup.sh", "run_autograder", "grading.yaml", "course/course.yaml",
                    "hidden/02-signals/katas/signals/GateHiddenTest.java");
            assertThat(names).noneMatch(name -> name.startsWith("course/solutions"));
            for (var entry : archive.stream().toList()) {
                Path target = root.resolve("source").resolve(entry.getName()).normalize();
                assertThat(target.startsWith(root)).as(entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                try (var in = archive.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        // Gradescope's layout: /autograder/{source,submission,results}; the student uploaded a zip's content.
        Fixture.Submission.handedOut("gradescope-submission").solved("02-signals", "katas/signals/Gate.java");
        Folders.copy(Fixture.BASE.resolve("corpus/gradescope-submission"), root.resolve("submission"), relative -> true);
        ProcessBuilder autograder = new ProcessBuilder("bash", root.resolve("source/run_autograder").toString())
                .redirectErrorStream(true);
        autograder.environment().put("AUTOGRADER_ROOT", root.toString());
        autograder.environment().put("KATA_GRADER_CP", Fixture.graderClasspath());
        autograder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = autograder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        JsonNode results = new ObjectMapper().readTree(root.resolve("results/results.json").toFile());
        assertThat(results.get("score").asDouble()).as(Files.readString(root.resolve("results/grader.log"))).isEqualTo(1.0);
        assertThat(results.get("execution_time").asInt()).isPositive();
        assertThat(results.get("tests")).anyMatch(test -> test.get("visibility").asText().equals("after_published"));
    }

    @Test
    @DisplayName("kata package classroom writes a workflow whose grading step reports base64 results to the Classroom reporter")
    void classroom() throws Exception {
        Path workspace = Fixture.fresh("classroom-workspace");
        StringWriter text = new StringWriter();
        Path repository = workspace.resolve("submission");
        Fixture.Submission.handedOut("classroom-submission").solved("02-signals", "katas/signals/Gate.java");
        Folders.copy(Fixture.BASE.resolve("corpus/classroom-submission"), repository, relative -> true);
        assertThat(run(text, "package", "classroom", "--out", repository.toString())).as(text.toString()).isZero();
        Path workflow = repository.resolve(".github/workflows/classroom.yml");
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(workflow.toFile());
        JsonNode job = yaml.get("jobs").get("run-autograding-tests");
        assertThat(job.get("name").asText()).isEqualTo("Autograding Tests");
        JsonNode grade = null;
        for (JsonNode step : job.get("steps")) {
            if ("kata".equals(step.path("id").asText())) {
                grade = step;
            }
        }
        assertThat(grade).isNotNull();
        // The checkout steps' result: the instructor's course next to the submission.
        Path course = Fixture.instructorCourse("classroom");
        Folders.copy(course, workspace.resolve("course"), relative -> true);
        Files.writeString(workspace.resolve("course/grading.yaml"), Files.readString(course.resolve("grading.yaml"))
                .replace("runs: 3", "runs: 1") + "lessons: [02-signals]\n");
        Path outputs = workspace.resolve("github-output");
        Path summary = workspace.resolve("step-summary");
        ProcessBuilder step = new ProcessBuilder("bash", "-c", grade.get("run").asText()).directory(workspace.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = step.environment();
        env.put("KATA_GRADER_CP", Fixture.graderClasspath());
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + env.get("PATH"));
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        Process process = step.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        String line = Files.readAllLines(outputs).stream().filter(l -> l.startsWith("result=")).findFirst().orElseThrow();
        JsonNode results = new ObjectMapper().readTree(Base64.getDecoder().decode(line.substring("result=".length())));
        assertThat(results.get("version").asInt()).isEqualTo(1);
        assertThat(results.get("max_score").asDouble()).isEqualTo(1.0);
        assertThat(results.get("status").asText()).isEqualTo("pass");
        assertThat(results.get("tests").get(0).get("score").asDouble()).isEqualTo(1.0);
        assertThat(Files.readString(summary)).contains("Feedback for submission");
    }
}
