package katas.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The starters as the learner got them: each kata's file as it was before the learner edited it.
 *
 * <p>In a git clone of the course that is the file at {@code HEAD}, which edits in the working tree
 * leave alone. A copy that is not a git clone (a zip, a {@code kata export} folder) has no history, so
 * the starters are recorded in a folder of their own ({@link #RECORD}): the
 * first time the runner sees the copy it keeps each kata's file as it is then, which on a copy just
 * unpacked is what {@code lessons/} ships. A record is never overwritten, so later edits stay edits.
 */
public final class Starters {

    /** Where a copy that is not a git clone keeps its starters, relative to the course root (the runner's folder). */
    public static final String RECORD = ".kata/starters";

    /**
     * What every starter holds and no solution does (the self-check's layout test makes sure): a kata's
     * file without it has been worked on, and is never recorded as a starter.
     */
    static final String CHANGE_POINT = "TODO";

    private static final long GIT_SECONDS = 30;

    private final Course course;
    private final Path record;
    private Boolean gitClone;

    /** Starters from git, else from the record at {@link #RECORD} in the course. */
    public Starters(Course course) {
        this(course, course.root().resolve(RECORD));
    }

    /**
     * @param record where the starters of a copy that is not a git clone are recorded ({@code null}: none)
     */
    public Starters(Course course, Path record) {
        this.course = course;
        this.record = record;
    }

    /** The starter of {@code kata}: from git in a clone of the course, else from the record, if there is one. */
    public Optional<String> starter(Lesson lesson, Kata kata) {
        if (isGitClone()) {
            Optional<String> shipped = fromGit(relativePath(lesson, kata));
            if (shipped.isPresent()) {
                return shipped;
            }
        }
        return recorded(lesson, kata);
    }

    /**
     * In a copy that is not a git clone, records each kata's file that has no record yet, as it is now
     * (the starter, on a copy just unpacked), unless it has no {@code TODO} left. Returns the files it
     * recorded; does nothing in a git clone.
     */
    public List<Path> recordFirstSight() {
        List<Path> recorded = new ArrayList<>();
        if (record == null || isGitClone()) {
            return recorded;
        }
        for (Lesson lesson : course.lessons()) {
            for (Kata kata : lesson.katas()) {
                Path file = course.lessonSources(lesson).resolve(kata.file());
                Path copy = recordOf(lesson, kata);
                if (!Files.isRegularFile(file) || Files.exists(copy)) {
                    continue;
                }
                try {
                    String content = Files.readString(file);
                    if (!content.contains(CHANGE_POINT)) {
                        continue; // worked on before the first sight: no TODO left, so not the starter
                    }
                    Files.createDirectories(copy.getParent());
                    Path temporary = Files.createTempFile(copy.getParent(), ".starter", ".tmp");
                    // Written whole, then moved into place: a reader never sees half a starter.
                    Files.writeString(temporary, content);
                    try {
                        Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temporary, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                    recorded.add(copy);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot record the starter of " + kata.id() + " in " + record, e);
                }
            }
        }
        return recorded;
    }

    /** Whether the course is a git clone whose {@code HEAD} has the course (not a copy inside some other repository). */
    public synchronized boolean isGitClone() {
        if (gitClone == null) {
            gitClone = git("cat-file", "-e", "HEAD:./course.yaml").isPresent();
        }
        return gitClone;
    }

    private Optional<String> recorded(Lesson lesson, Kata kata) {
        if (record == null) {
            return Optional.empty();
        }
        Path copy = recordOf(lesson, kata);
        try {
            return Files.isRegularFile(copy) ? Optional.of(Files.readString(copy)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path recordOf(Lesson lesson, Kata kata) {
        return record.resolve(lesson.id()).resolve(kata.file());
    }

    private String relativePath(Lesson lesson, Kata kata) {
        return course.root().relativize(course.lessonSources(lesson).resolve(kata.file())).toString().replace('\\', '/');
    }

    private Optional<String> fromGit(String path) {
        return git("show", "HEAD:./" + path);
    }

    /** What {@code git args...} printed in the course's folder, if it succeeded. */
    private Optional<String> git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command)
                    .directory(course.root().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            git.getOutputStream().close();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            try (InputStream in = git.getInputStream()) {
                in.transferTo(content);
            }
            if (!git.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            return git.exitValue() == 0 ? Optional.of(content.toString(StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
