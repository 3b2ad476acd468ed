package katas.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies of the learner's files taken before the runner replaces them, in {@code .kata/backups/}: one
 * new folder per reset (or undo), never overwritten, holding the files at their paths in the course.
 */
final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Written into a reset's backup once {@code reset --undo} has restored it. */
    private static final String RESTORED = "restored";

    private final Path root;
    private final Path backupsDir;

    Backups(Path courseRoot, Path backupsDir) {
        this.root = courseRoot;
        this.backupsDir = backupsDir;
    }

    /** Copies {@code files} into a new backup folder named for {@code why} ({@code reset} or {@code undo}); returns it. */
    Path save(List<Path> files, String why) throws IOException {
        Files.createDirectories(backupsDir);
        String base = LocalDateTime.now().format(STAMP) + "-" + why;
        Path folder = backupsDir.resolve(base);
        for (int n = 2; Files.exists(folder); n++) {
            folder = backupsDir.resolve(base + "-" + n);
        }
        Files.createDirectory(folder);
        for (Path file : files) {
            Path copy = folder.resolve(root.relativize(file));
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return folder;
    }

    /** The newest reset's backup that has not been restored yet. */
    Optional<Path> lastReset() throws IOException {
        if (!Files.isDirectory(backupsDir)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(backupsDir)) {
            return folders.filter(Files::isDirectory)
                    .filter(folder -> folder.getFileName().toString().contains("-reset"))
                    .filter(folder -> !Files.exists(folder.resolve(RESTORED)))
                    .max(Comparator.comparing(folder -> folder.getFileName().toString()));
        }
    }

    /** The course files a backup folder holds, as paths in the course. */
    List<Path> filesIn(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals(RESTORED))
                    .forEach(file -> files.add(root.resolve(folder.relativize(file))));
        }
        return files;
    }

    /** Copies a backup's files back over the course's, and marks the backup as restored. */
    void restore(Path folder) throws IOException {
        for (Path file : filesIn(folder)) {
            Files.createDirectories(file.getParent());
            Files.copy(folder.resolve(root.relativize(file)), file, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(folder.resolve(RESTORED), "restored by kata reset --undo at " + LocalDateTime.now() + "\n");
    }
}
