package katas.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which code of a lesson a check compiles against the lesson's tests: the code in the lesson folder
 * (the starter on a fresh clone, the learner's work later), the reference solution, or the solution
 * with one known mistake.
 */
public sealed interface Code {

    /** {@code lessons/<id>/src/main/java} as it is on disk. */
    record InLesson() implements Code {
        @Override
        public String label() {
            return "the lesson's code";
        }
    }

    /** The reference solution laid over the lesson's code. */
    record Solution() implements Code {
        @Override
        public String label() {
            return "the reference solution";
        }
    }

    /** The reference solution with one known-wrong variant laid over it. */
    record Wrong(WrongVariant variant) implements Code {
        @Override
        public String label() {
            return "wrong variant '" + variant.id() + "'";
        }
    }

    /**
     * The lesson's code with some files replaced: a learner's submission laid over the pristine lesson
     * (the grader's), by path relative to {@code src/main/java}.
     */
    record Overlay(String label, Map<String, Path> files) implements Code {
        public Overlay {
            files = Map.copyOf(files);
        }
    }

    /** What to call this code in messages. */
    String label();

    /** The Java sources of this code, by path relative to {@code src/main/java}. */
    default Map<String, Path> sources(Course course, Lesson lesson) {
        Map<String, Path> files = javaFilesUnder(course.lessonSources(lesson));
        if (this instanceof Solution || this instanceof Wrong) {
            files.putAll(javaFilesUnder(course.solutionSources(lesson)));
        }
        if (this instanceof Wrong wrong) {
            Path variantRoot = course.wrongSources(lesson, wrong.variant());
            if (!Files.isDirectory(variantRoot)) {
                throw new CourseException("wrong variant " + wrong.variant().id() + " of lesson " + lesson.id()
                        + " has no folder " + course.root().relativize(variantRoot));
            }
            files.putAll(javaFilesUnder(variantRoot));
        }
        if (this instanceof Overlay overlay) {
            files.putAll(overlay.files());
        }
        return files;
    }

    /** Every {@code .java} file under {@code root}, by relative path with forward slashes. */
    static Map<String, Path> javaFilesUnder(Path root) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".java"))
                    .forEach(path -> files.put(root.relativize(path).toString().replace('\\', '/'), path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return files;
    }
}
