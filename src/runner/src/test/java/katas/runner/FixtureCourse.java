package katas.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A scratch copy of the tiny course in {@code src/test/resources/fixture-course}, and the {@code kata} command run on it. */
final class FixtureCourse {

    private static final Path FIXTURE = Path.of("src/test/resources/fixture-course");

    final Path root;

    /** A folder that is not a course. */
    record Elsewhere(Path dir) {
        Result kata(String... args) {
            return new FixtureCourse(dir).kata(args);
        }
    }

    private FixtureCourse(Path root) {
        this.root = root;
    }

    /** Copies the fixture course into {@code dir}. */
    static FixtureCourse copyTo(Path dir) {
        copyTree(FIXTURE, dir);
        return new FixtureCourse(dir);
    }

    /** What one run of {@code kata} printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    /** Runs {@code kata args...} with {@code input} as what the learner types. */
    Result typing(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        KataCommand command = new KataCommand(root, new BufferedReader(new StringReader(input)), false);
        int exit = KataCommand.commandLine(command, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    Result kata(String... args) {
        return typing("", args);
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String relative, String content) {
        try {
            Files.writeString(file(relative), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the course a git checkout with everything committed, as a learner's clone is. */
    void commitAll() {
        commitAll(root);
    }

    /** Makes {@code dir} a git repository with everything in it committed. */
    static void commitAll(Path dir) {
        git(dir, "init", "-q");
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=kata", "-c", "user.email=kata@example.org", "commit", "-q", "-m", "course");
    }

    private static void git(Path dir, String... args) {
        try {
            Process git = new ProcessBuilder(Stream.concat(Stream.of("git"), Stream.of(args)).toList())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes());
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git " + List.of(args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
