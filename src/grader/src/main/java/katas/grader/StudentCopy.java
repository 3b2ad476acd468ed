package katas.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import katas.core.Course;
import katas.core.Kata;
import katas.core.Lesson;
import katas.core.Starters;

/**
 * The course as students get it: everything but the reference solutions and known-wrong variants
 * ({@code solutions/}), the instructor's hidden tests and grading settings, build output and version
 * control. Checked after writing: no starter may be a solution. The copy records its starters
 * ({@link Starters#RECORD}), so that {@code kata reset} works in it without git.
 */
public final class StudentCopy {

    /** Folders never handed out, wherever they are. */
    static final Set<String> NEVER = Set.of("target", ".git", ".kata", ".idea", ".vscode", "node_modules");
    /** Files at the course root that are the instructor's. */
    static final Set<String> INSTRUCTOR_FILES = Set.of("grading.yaml", "grading.yml", "grading.json");

    private StudentCopy() {
    }

    /**
     * Writes the student copy of {@code course} into {@code target} (which must not exist or be empty),
     * leaving out {@code hiddenTests} if it lies inside the course. Returns the problems found in the
     * copy (a starter that is a solution); the caller deletes the copy if there are any.
     */
    public static List<String> write(Course course, Path target, Path hiddenTests) {
        Path root = course.root();
        Path hidden = hiddenTests == null ? null : hiddenTests.toAbsolutePath().normalize();
        try {
            if (Files.exists(target)) {
                try (Stream<Path> children = Files.list(target)) {
                    if (children.findAny().isPresent()) {
                        throw new GradingException(target + " exists and is not empty: choose a new folder, so nothing is"
                                + " overwritten.");
                    }
                }
            }
            if (target.toAbsolutePath().normalize().startsWith(root)) {
                throw new GradingException("The student copy cannot go inside the course itself (" + target + ").");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Folders.copy(root, target, relative -> {
            String[] parts = relative.split("/");
            if (parts[0].equals("solutions") || Arrays.stream(parts).anyMatch(NEVER::contains)) {
                return false;
            }
            if (parts.length == 1 && INSTRUCTOR_FILES.contains(parts[0])) {
                return false;
            }
            return hidden == null || !root.resolve(relative).normalize().startsWith(hidden);
        });
        List<String> problems = check(course, target);
        if (problems.isEmpty()) {
            // A copy handed out as a zip has no git history: the runner finds its starters in this record.
            new Starters(Course.load(target)).recordFirstSight();
        }
        return problems;
    }

    /** Problems of a student copy: a kata file identical to its solution, or a solutions folder. */
    static List<String> check(Course course, Path copy) {
        List<String> problems = new ArrayList<>();
        if (Files.exists(copy.resolve("solutions"))) {
            problems.add("the copy has a solutions/ folder");
        }
        for (Lesson lesson : course.lessons()) {
            for (Kata kata : lesson.katas()) {
                Path solution = course.solutionSources(lesson).resolve(kata.file());
                Path starter = copy.resolve("lessons").resolve(lesson.id()).resolve("src/main/java").resolve(kata.file());
                try {
                    if (Files.isRegularFile(solution) && Files.isRegularFile(starter)
                            && Files.mismatch(solution, starter) == -1) {
                        problems.add("lessons/" + lesson.id() + "/src/main/java/" + kata.file()
                                + " is the reference solution, not the starter (restore it with git first)");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return problems;
    }
}
