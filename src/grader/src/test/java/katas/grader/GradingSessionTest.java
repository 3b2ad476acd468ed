package katas.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import katas.core.Kata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a grading session prepares, and what it keeps out of the submissions' reach. */
@DisplayName("A grading session")
class GradingSessionTest {

    @Test
    @DisplayName("holds a pristine course without solutions or hidden test sources, and libraries of its own")
    void keepsSecretsOut() throws IOException {
        Path course = Fixture.instructorCourse("session");
        try (GradingSession session = GradingSession.open(course, Fixture.settings(course, 1), null,
                GradingSession.kataLibraries())) {
            Path root = session.root();
            assertThat(root.startsWith(course.getParent())).as("the session lies apart from the course").isFalse();
            try (Stream<Path> files = Files.walk(root)) {
                List<String> names = files.map(p -> root.relativize(p).toString()).toList();
                assertThat(names).noneMatch(name -> name.contains("solutions"));
                assertThat(names).noneMatch(name -> name.contains("HiddenTest"));
                assertThat(names).anyMatch(name -> name.startsWith("lib/"));
            }
            assertThat(session.toolchain(1).classpath()).allMatch(path -> path.startsWith(root));
            Kata counter = session.course().kata("counting-counter").orElseThrow();
            assertThat(counter.tests()).containsExactly("katas.counting.CounterTest", "katas.counting.CounterHiddenTest");
            assertThat(counter.points()).isEqualTo(2.0);
            assertThat(session.gradedLessons()).extracting(lesson -> lesson.id()).containsExactly("01-counting", "02-signals");
            assertThat(session.toolchain(2).commonArgs()).contains("-Djunit.jupiter.execution.order.random.seed=2");
        }
    }

    @Test
    @DisplayName("refuses settings that cannot work, saying why")
    void refusesBadSettings() {
        Path course = Fixture.instructorCourse("session-bad");
        GradingConfig settings = Fixture.settings(course, 1);
        settings.points.put("no-such-kata", 3.0);
        assertThatThrownBy(() -> GradingSession.open(course, settings, null, List.of()))
                .hasMessageContaining("no kata no-such-kata");
        GradingConfig memory = Fixture.settings(course, 1);
        memory.memory = "lots";
        assertThatThrownBy(memory::validate).hasMessageContaining("memory must look like 512m");
    }

    @Test
    @DisplayName("finds compiled classes outside a lesson's package")
    void foreignClasses() throws IOException {
        Path classes = Fixture.fresh("foreign-classes");
        Files.createDirectories(classes.resolve("katas/counting"));
        Files.createDirectories(classes.resolve("katas/testkit"));
        Files.writeString(classes.resolve("katas/counting/Counter.class"), "");
        Files.writeString(classes.resolve("katas/testkit/Workers.class"), "");
        assertThat(Grader.classesOutsidePackage(classes, "katas.counting")).containsExactly("katas.testkit.Workers");
    }
}
