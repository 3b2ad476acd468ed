package katas.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import katas.core.Checker;
import katas.core.Course;
import katas.core.Kata;
import katas.core.Lesson;
import katas.core.Progress;
import katas.core.Starters;
import katas.core.Toolchain;

/**
 * The learner's checkout of the course as the runner sees it: the course (from the manifest, through
 * the core), the one state file (the current kata), the progress cache and where checks do their work.
 * Everything lives under {@code .kata/}, which git ignores; deleting it loses no work (in a copy that
 * is not a git clone, it loses the record of the starters: see {@link Starters}).
 */
final class Workbench {

    /** The runner's folder at the root of the course. */
    static final String STATE_DIR = ".kata";

    private final Course course;
    private final Path stateDir;
    private final Starters starters;
    private final Progress progress;
    private Toolchain toolchain;

    Workbench(Path root) {
        this.course = Course.load(root);
        this.stateDir = course.root().resolve(STATE_DIR);
        this.starters = new Starters(course);
        this.progress = new Progress(course, stateDir.resolve("results.properties"), starters);
        try {
            starters.recordFirstSight();
        } catch (UncheckedIOException cannotWrite) {
            // A read-only copy: without a record the starters are unknown, and reset says so; nothing else needs them.
        }
    }

    Course course() {
        return course;
    }

    Progress progress() {
        return progress;
    }

    Starters starters() {
        return starters;
    }

    /** The learner's file of {@code kata}. */
    Path learnerFile(Kata kata) {
        return course.lessonSources(course.lessonOf(kata)).resolve(kata.file());
    }

    /** The reference solution of {@code kata}. */
    Path solutionFile(Kata kata) {
        return course.solutionSources(course.lessonOf(kata)).resolve(kata.file());
    }

    /** A path as the learner types it: relative to the root of the course. */
    String shown(Path path) {
        return course.root().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** The kata the learner works on: the one saved last, or else the first unsolved (the first of all when every kata is solved). */
    Optional<Kata> current() {
        Path file = stateDir.resolve("current");
        if (Files.isRegularFile(file)) {
            try {
                Optional<Kata> saved = course.kata(Files.readString(file).strip());
                if (saved.isPresent()) {
                    return saved;
                }
            } catch (IOException unreadable) {
                // fall back to the first unsolved kata, as on a fresh clone
            }
        }
        return progress.firstUnsolved().or(() -> course.katas().stream().findFirst());
    }

    /** Saves {@code kata} as the current one (the runner's only state). */
    void setCurrent(Kata kata) {
        try {
            Files.createDirectories(stateDir);
            Files.writeString(stateDir.resolve("current"), kata.id() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the current kata in " + stateDir, e);
        }
    }

    /** A kata by its id, or else by the name of its class ({@code Crew}, {@code crew}). */
    Optional<Kata> kata(String name) {
        return course.kata(name).or(() -> course.katas().stream()
                .filter(kata -> kata.className().equalsIgnoreCase(name)).findFirst());
    }

    /** What a learner typed as a lesson or a kata: the lesson's katas, or the kata alone. */
    Optional<Selection> select(String name) {
        Optional<Kata> kata = kata(name);
        if (kata.isPresent()) {
            return Optional.of(new Selection(course.lessonOf(kata.get()), List.of(kata.get())));
        }
        return course.lesson(name).map(lesson -> new Selection(lesson, lesson.katas()));
    }

    /** Some katas of one lesson. */
    record Selection(Lesson lesson, List<Kata> katas) {
    }

    /** The message for a name that is neither a kata nor a lesson. */
    String unknown(String name) {
        return "There is no kata or lesson called '" + name + "'. `kata list` shows them all (kata ids such as "
                + course.katas().stream().findFirst().map(Kata::id).orElse("threads-crew") + ", lessons such as "
                + course.lessons().stream().findFirst().map(Lesson::id).orElse("01-threads") + ").";
    }

    /** A checker that runs every test in a fresh JVM, for one-off runs. */
    Checker checker() {
        return new Checker(course, toolchain(), stateDir.resolve("work"));
    }

    /** A checker that runs the tests needing no Fray with {@code plainTests}. */
    Checker checker(Checker.PlainTests plainTests) {
        return new Checker(course, toolchain(), stateDir.resolve("work"), plainTests);
    }

    /** The JDKs and libraries the tests run with, as the Maven build set them. */
    synchronized Toolchain toolchain() {
        if (toolchain == null) {
            toolchain = Toolchain.fromBuild(Toolchain.currentClasspath());
        }
        return toolchain;
    }

    Path stateDir() {
        return stateDir;
    }
}
