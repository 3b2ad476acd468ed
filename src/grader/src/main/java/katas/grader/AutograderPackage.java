package katas.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import katas.core.Course;

/**
 * Writes what the grading engines instructors already use need: Gradescope's autograder zip
 * ({@code setup.sh}, {@code run_autograder}, the course without solutions in {@code course/}, the hidden
 * tests in {@code hidden/}, the settings in {@code grading.yaml}) and GitHub Classroom's workflow.
 */
public final class AutograderPackage {

    private AutograderPackage() {
    }

    /** Writes Gradescope's autograder zip for {@code course} to {@code zip}. */
    public static void gradescope(Course course, GradingConfig config, Path zip) {
        Path staging;
        try {
            staging = Files.createTempDirectory("kata-autograder-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path hidden = config.hiddenTests == null ? null : Path.of(config.hiddenTests);
            List<String> problems = StudentCopy.write(course, staging.resolve("course"), hidden);
            if (!problems.isEmpty()) {
                throw new GradingException("Not packaged: " + String.join("; ", problems));
            }
            if (hidden != null) {
                Folders.copy(hidden, staging.resolve("hidden"), relative -> true);
                config.hiddenTests = "hidden";
            }
            String settings = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).writeValueAsString(config);
            Files.writeString(staging.resolve("grading.yaml"), "# Grading settings of the autograder (see src/grader/README.md).\n"
                    + settings, StandardCharsets.UTF_8);
            copyResource("setup.sh", staging.resolve("setup.sh"));
            copyResource("run_autograder", staging.resolve("run_autograder"));
            zip(staging, zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        } finally {
            Folders.delete(staging);
        }
    }

    /** Writes GitHub Classroom's workflow into a student repository folder: {@code .github/workflows/classroom.yml}. */
    public static Path classroom(Path repository) {
        Path workflow = repository.resolve(".github/workflows/classroom.yml");
        try {
            Files.createDirectories(workflow.getParent());
            copyResource("classroom.yml", workflow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workflow;
    }

    static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = AutograderPackage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the grader's resource " + name + " is missing from its jar");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        target.toFile().setExecutable(!name.endsWith(".yml"), false);
    }

    private static void zip(Path folder, Path zip) throws IOException {
        if (zip.getParent() != null) {
            Files.createDirectories(zip.getParent());
        }
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
                Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }
}
