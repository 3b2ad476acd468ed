package katas.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A course")
class CourseTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("reads lessons, katas, hints and wrong variants from course.yaml")
    void readsManifest() throws IOException {
        write("""
                lessons:
                  - id: 04-locks
                    title: "Locks"
                    package: katas.locks
                    katas:
                      - id: locks-counter
                        task: 1
                        title: "A counter"
                        file: katas/locks/Counter.java
                        tests: [katas.locks.CounterTest]
                        hints: ["first", "second"]
                        wrong:
                          - id: volatile-is-not-atomic
                            mistake: "volatile instead of a lock"
                """);
        Course course = Course.load(root);
        Kata kata = course.kata("locks-counter").orElseThrow();
        assertThat(kata.className()).isEqualTo("Counter");
        assertThat(kata.hints()).containsExactly("first", "second");
        assertThat(kata.wrong()).extracting(WrongVariant::id).containsExactly("volatile-is-not-atomic");
        assertThat(course.lesson("4")).isPresent();
        assertThat(course.lesson("04")).isPresent();
        assertThat(course.lessonOf(kata).packageName()).isEqualTo("katas.locks");
        assertThat(course.wrongSources(course.lessonOf(kata), kata.wrong().get(0)))
                .isEqualTo(root.toAbsolutePath().resolve("solutions/04-locks/wrong/volatile-is-not-atomic"));
    }

    @Test
    @DisplayName("refuses a kata listed twice")
    void refusesDuplicateKata() throws IOException {
        write("""
                lessons:
                  - id: 04-locks
                    title: "Locks"
                    package: katas.locks
                    katas:
                      - {id: twice, task: 1, title: a, file: katas/locks/A.java, tests: [katas.locks.ATest]}
                      - {id: twice, task: 2, title: b, file: katas/locks/B.java, tests: [katas.locks.BTest]}
                """);
        assertThatThrownBy(() -> Course.load(root)).isInstanceOf(CourseException.class).hasMessageContaining("twice");
    }

    @Test
    @DisplayName("says where to run from when there is no manifest")
    void noManifest() {
        assertThatThrownBy(() -> Course.load(root)).isInstanceOf(CourseException.class)
                .hasMessageContaining("run this from the root of the course");
    }

    @Test
    @DisplayName("lays the solution, then the wrong variant, over the lesson's code")
    void overlaysSources() throws IOException {
        write("""
                lessons:
                  - id: 04-locks
                    title: "Locks"
                    package: katas.locks
                    katas:
                      - id: counter
                        task: 1
                        title: c
                        file: katas/locks/Counter.java
                        tests: [katas.locks.CounterTest]
                        wrong: [{id: no-lock, mistake: m}]
                """);
        Path starter = file("lessons/04-locks/src/main/java/katas/locks/Counter.java");
        Path support = file("lessons/04-locks/src/main/java/katas/locks/Support.java");
        Path solution = file("solutions/04-locks/src/main/java/katas/locks/Counter.java");
        Path wrong = file("solutions/04-locks/wrong/no-lock/katas/locks/Counter.java");
        Course course = Course.load(root);
        Lesson lesson = course.lessons().get(0);
        assertThat(new Code.InLesson().sources(course, lesson).values()).containsExactly(starter, support);
        assertThat(new Code.Solution().sources(course, lesson).values()).containsExactly(solution, support);
        assertThat(new Code.Wrong(lesson.katas().get(0).wrong().get(0)).sources(course, lesson).values())
                .containsExactly(wrong, support);
    }

    private void write(String manifest) throws IOException {
        Files.writeString(root.resolve(Course.MANIFEST), manifest);
    }

    private Path file(String relative) throws IOException {
        Path path = root.toAbsolutePath().resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "// " + relative);
        return path;
    }
}
