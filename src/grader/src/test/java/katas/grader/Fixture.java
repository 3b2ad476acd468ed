package katas.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import katas.core.Toolchain;

/**
 * The fixture course of the grader's tests ({@code src/test/resources/fixture-course}: two tiny lessons,
 * four katas, hidden tests, solutions) and builders of submissions of it.
 *
 * <p>Everything is written under {@code target/grader-tests}, never in the system's temporary folder, where
 * the grading sessions live: like an instructor's course in their home folder, it is nowhere near the
 * paths a submission's code can see.
 */
final class Fixture {

    static final Path BASE = Path.of(System.getProperty("grader.workDir", "target/grader-tests")).toAbsolutePath();

    private Fixture() {
    }

    /** The fixture course as shipped in the test resources. */
    static Path resource() {
        try {
            return Path.of(Fixture.class.getResource("/fixture-course/course.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh copy of the fixture course: the instructor's course, with solutions and hidden tests. */
    static Path instructorCourse(String name) {
        Path copy = fresh("instructor-" + name).resolve("course");
        Folders.copy(resource(), copy, relative -> true);
        return copy;
    }

    /** A new, empty folder under {@link #BASE}. */
    static Path fresh(String name) {
        Path folder = BASE.resolve(name);
        Folders.delete(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** A settings object for fast grading of the fixture: short limits, hidden tests of {@code course}. */
    static GradingConfig settings(Path course, int runs) {
        GradingConfig config = GradingConfig.read(course.resolve("grading.yaml"));
        config.runs = runs;
        return config;
    }

    /** The class path the grader's commands run with here, for scripts that start the grader themselves. */
    static String graderClasspath() {
        return String.join(java.io.File.pathSeparator, Toolchain.currentClasspath().stream().map(Path::toString).toList());
    }

    /** A submission under construction: a course-shaped folder, the student's copy of the fixture. */
    static final class Submission {
        final Path root;

        Submission(Path root) {
            this.root = root;
        }

        /** A student's copy as handed out: the lessons with their starters and tests. */
        static Submission handedOut(String name) {
            Path root = fresh("corpus/" + name);
            Folders.copy(resource().resolve("lessons"), root.resolve("lessons"), relative -> true);
            return new Submission(root);
        }

        /** An empty folder. */
        static Submission empty(String name) {
            return new Submission(fresh("corpus/" + name));
        }

        /** The reference solution of a kata file ({@code 01-counting}, {@code katas/counting/Counter.java}). */
        Submission solved(String lesson, String file) {
            return write("lessons/" + lesson + "/src/main/java/" + file,
                    read(resource().resolve("solutions").resolve(lesson).resolve("src/main/java").resolve(file)));
        }

        /** Every kata solved. */
        Submission allSolved() {
            return solved("01-counting", "katas/counting/Counter.java").solved("01-counting", "katas/counting/Transfers.java")
                    .solved("01-counting", "katas/counting/Tally.java").solved("02-signals", "katas/signals/Gate.java");
        }

        /** A kata file of lesson 01 with this content. */
        Submission counting(String className, String source) {
            return write("lessons/01-counting/src/main/java/katas/counting/" + className + ".java", source);
        }

        Submission write(String path, String content) {
            try {
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        String path() {
            return root.toString();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a zip with these entries, names taken as they are (so they may be hostile). */
    static Path zip(Path zip, List<String[]> entries) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String[] entry : entries) {
                out.putNextEntry(new ZipEntry(entry[0]));
                out.write(entry[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }
}
