package katas.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import katas.core.Course;
import katas.core.Kata;
import katas.core.Lesson;

/**
 * Reads submissions (a folder, a zip file or a git repository; a whole course or just its
 * {@code lessons/}) and keeps only the learner's kata files, comparing everything else with the
 * instructor's pristine course to report what the student changed.
 *
 * <p>Nothing of a submission is ever extracted to disk by path: zip entries are read into memory, so an
 * entry named {@code ../../etc/x} (zip-slip) or {@code /abs/path} is reported as rejected and can write
 * nowhere. Links are never followed, so a kata file that links to the instructor's solution reads as a
 * rejected link, not as the solution.
 */
public final class Intake {

    /** A kata file larger than this is not source code a learner wrote. */
    static final int MAX_FILE_BYTES = 512 * 1024;
    /** Submissions with more entries than this are read only this far. */
    static final int MAX_ENTRIES = 20_000;
    /** Folders never read from a submission folder. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", ".idea", ".kata", "node_modules", ".gradle",
            ".vscode", "out", "build");

    private final Course pristine;
    private final Path scratch;

    /**
     * @param pristine the instructor's course: what the kata files are, and what the other files should be
     * @param scratch where git clones go (deleted after reading)
     */
    public Intake(Course pristine, Path scratch) {
        this.pristine = pristine;
        this.scratch = scratch;
    }

    /** One file of a submission, by its path inside the submission, read only when needed. */
    private interface Entry {
        String path();

        long size();

        byte[] read(int limit) throws IOException;
    }

    /** Reads the submission at {@code argument} (folder, zip, git URL or repository), named {@code student}. */
    public Submission read(String argument, String student) {
        List<String> rejected = new ArrayList<>();
        try {
            Path path = Path.of(argument);
            if (isGitSource(argument, path)) {
                return fromClone(argument, student);
            }
            if (Files.isDirectory(path)) {
                return classify(student, argument, walk(path, rejected), rejected);
            }
            if (Files.isRegularFile(path) && argument.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    return classify(student, argument, zipEntries(zip, rejected), rejected);
                }
            }
            return failed(student, argument, Files.exists(path)
                    ? "not a folder, a .zip file or a git repository"
                    : "no such file or folder");
        } catch (java.util.zip.ZipException e) {
            return failed(student, argument, "the zip file is damaged (" + e.getMessage() + ")");
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            return failed(student, argument, "cannot be read: " + e.getMessage());
        }
    }

    /** The name a submission gets when none is given: its folder, zip or repository name. */
    public static String nameOf(String argument) {
        String trimmed = argument.replaceAll("[/\\\\]+$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
        last = last.substring(last.lastIndexOf(':') + 1);
        for (String suffix : List.of(".zip", ".git")) {
            if (last.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)) {
                last = last.substring(0, last.length() - suffix.length());
            }
        }
        return last.isBlank() ? "submission" : last;
    }

    private static boolean isGitSource(String argument, Path path) {
        if (argument.contains("://") || argument.matches("[\\w.-]+@[\\w.-]+:.*")) {
            return true;
        }
        if (argument.endsWith(".git") && Files.isDirectory(path)) {
            return true;
        }
        // a bare repository: no working tree to read, so it is cloned
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve("HEAD")) && Files.isDirectory(path.resolve("objects"))
                && !Files.isDirectory(path.resolve("lessons"));
    }

    private Submission fromClone(String url, String student) throws IOException {
        Files.createDirectories(scratch);
        Path clone = Files.createTempDirectory(scratch, "clone-");
        try {
            ProcessBuilder git = new ProcessBuilder("git", "-c", "core.symlinks=false", "clone", "--depth", "1", "--quiet",
                    "--no-tags", "--", url, clone.resolve("repo").toString())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            git.environment().put("GIT_TERMINAL_PROMPT", "0");
            git.environment().put("GIT_ASKPASS", "true");
            Process process = git.start();
            byte[] output;
            boolean done;
            try (InputStream in = process.getInputStream()) {
                done = process.waitFor(120, TimeUnit.SECONDS);
                if (!done) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
                output = done ? in.readNBytes(4096) : new byte[0];
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                return failed(student, url, "interrupted while cloning");
            }
            if (!done) {
                return failed(student, url, "git clone did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                return failed(student, url, "git clone failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8).strip());
            }
            List<String> rejected = new ArrayList<>();
            return classify(student, url, walk(clone.resolve("repo"), rejected), rejected);
        } catch (IOException e) {
            return failed(student, url, "git could not be run: " + e.getMessage());
        } finally {
            Folders.delete(clone);
        }
    }

    private static Submission failed(String student, String source, String problem) {
        return new Submission(student, source, Map.of(),
                new GradeReport.Intake(List.of(), List.of(), List.of(), List.of(), List.of()), source + ": " + problem);
    }

    /** Every regular file under {@code root}, links and tool folders left out (links reported). */
    private static List<Entry> walk(Path root, List<String> rejected) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (attributes.isSymbolicLink() || Files.isSymbolicLink(file)) {
                    rejected.add(relative + " (a link: links are never followed)");
                    return FileVisitResult.CONTINUE;
                }
                if (!attributes.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    rejected.add(relative + " and the files after it (more than " + MAX_ENTRIES + " files)");
                    return FileVisitResult.TERMINATE;
                }
                entries.add(new Entry() {
                    @Override
                    public String path() {
                        return relative;
                    }

                    @Override
                    public long size() {
                        return attributes.size();
                    }

                    @Override
                    public byte[] read(int limit) throws IOException {
                        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                            return in.readNBytes(limit);
                        }
                    }
                });
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                rejected.add(root.relativize(file) + " (unreadable: " + e.getMessage() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    private static List<Entry> zipEntries(ZipFile zip, List<String> rejected) {
        List<Entry> entries = new ArrayList<>();
        var all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            String name = entry.getName().replace('\\', '/');
            if (entry.isDirectory()) {
                continue;
            }
            if (!isSafe(name)) {
                rejected.add(name + " (a path outside the submission: zip entries may not be absolute or contain ..)");
                continue;
            }
            if (entries.size() >= MAX_ENTRIES) {
                rejected.add(name + " and the entries after it (more than " + MAX_ENTRIES + " entries)");
                break;
            }
            String path = name.replaceFirst("^(\\./)+", "");
            if (path.startsWith("__MACOSX/")) {
                continue;
            }
            entries.add(new Entry() {
                @Override
                public String path() {
                    return path;
                }

                @Override
                public long size() {
                    return entry.getSize();
                }

                @Override
                public byte[] read(int limit) throws IOException {
                    try (InputStream in = zip.getInputStream(entry)) {
                        return in.readNBytes(limit);
                    }
                }
            });
        }
        return entries;
    }

    /** Whether a zip entry's name stays inside the submission: relative, no {@code ..}, no drive. */
    static boolean isSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
            return false;
        }
        return Arrays.stream(name.split("/")).noneMatch(".."::equals);
    }

    /** Sorts the entries into kata files, ignored files and changed pristine files. */
    private Submission classify(String student, String source, List<Entry> entries, List<String> rejected)
            throws IOException {
        Root root = courseRootIn(entries);
        if (root == null) {
            root = looseFiles(entries);
        }
        if (root == null) {
            return new Submission(student, source, Map.of(), new GradeReport.Intake(List.of(), List.of(), List.of(),
                    List.of(), rejected), source + ": no lessons of this course in it (expected lessons/NN-topic/src/main/java/...,"
                    + " as in the course handed out)");
        }
        Map<String, Map<String, byte[]>> files = new HashMap<>();
        List<String> taken = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, Kata> kataFiles = new HashMap<>();
        Map<String, Lesson> lessonOfFile = new HashMap<>();
        for (Lesson lesson : pristine.lessons()) {
            for (Kata kata : lesson.katas()) {
                String path = "lessons/" + lesson.id() + "/src/main/java/" + kata.file();
                kataFiles.put(path, kata);
                lessonOfFile.put(path, lesson);
            }
        }
        for (Entry entry : entries) {
            if (!entry.path().startsWith(root.prefix())) {
                continue;
            }
            String rest = entry.path().substring(root.prefix().length());
            String path = root.loose() != null ? root.loose().getOrDefault(entry.path(), "loose/" + entry.path())
                    : root.lessonsOnly() ? "lessons/" + rest : rest;
            Kata kata = kataFiles.get(path);
            if (kata != null) {
                byte[] content = entry.size() > MAX_FILE_BYTES ? null : entry.read(MAX_FILE_BYTES + 1);
                if (content == null || content.length > MAX_FILE_BYTES) {
                    rejected.add(path + " (larger than " + MAX_FILE_BYTES / 1024 + " KB: not a kata file a learner wrote)");
                    continue;
                }
                Lesson lesson = lessonOfFile.get(path);
                files.computeIfAbsent(lesson.id(), id -> new TreeMap<>()).put(kata.file(), content);
                taken.add(path);
                continue;
            }
            Path pristineFile = pristine.root().resolve(path).normalize();
            boolean inPristine = pristineFile.startsWith(pristine.root())
                    && Files.isRegularFile(pristineFile, LinkOption.NOFOLLOW_LINKS);
            if (inPristine && sameContent(entry, pristineFile)) {
                continue;
            }
            if (path.matches("lessons/[^/]+/src/main/java/.*\\.java")) {
                ignored.add(path + (inPristine ? " (changed, but not a kata file: the course's own copy is used)"
                        : " (not a kata file: only the kata files listed in course.yaml are graded)"));
            } else if (inPristine) {
                changed.add(path);
            } else if (path.startsWith("lessons/") || path.startsWith("src/") || path.equals("pom.xml")
                    || path.equals("course.yaml") || path.startsWith("solutions/")) {
                changed.add(path + " (added)");
            } else {
                ignored.add(path);
            }
        }
        List<String> missing = new ArrayList<>();
        kataFiles.keySet().stream().sorted().filter(path -> !taken.contains(path))
                .forEach(path -> missing.add(path + " (graded as the starter)"));
        taken.sort(null);
        ignored.sort(null);
        changed.sort(null);
        Map<String, Map<String, byte[]>> frozen = new LinkedHashMap<>();
        files.forEach((lesson, byPath) -> frozen.put(lesson, Map.copyOf(byPath)));
        return new Submission(student, source, frozen, new GradeReport.Intake(taken, missing, ignored, changed, rejected),
                null);
    }

    /**
     * Where the course starts among a submission's entries: {@code prefix} comes before
     * {@code lessons/<id>/}, or, for a submission of just the lessons folder ({@code lessonsOnly}), before
     * {@code <id>/src/}.
     */
    private record Root(String prefix, boolean lessonsOnly, Map<String, String> loose) {
        Root(String prefix, boolean lessonsOnly) {
            this(prefix, lessonsOnly, null);
        }
    }

    /**
     * For a submission of loose kata files (as Gradescope stores single uploaded files): each file whose
     * name is the name of exactly one kata file of the course is that kata's file.
     */
    private Root looseFiles(List<Entry> entries) {
        Map<String, String> byName = new HashMap<>();
        Set<String> ambiguous = new java.util.HashSet<>();
        for (Lesson lesson : pristine.lessons()) {
            for (Kata kata : lesson.katas()) {
                String name = kata.file().substring(kata.file().lastIndexOf('/') + 1);
                if (byName.put(name, "lessons/" + lesson.id() + "/src/main/java/" + kata.file()) != null) {
                    ambiguous.add(name);
                }
            }
        }
        Map<String, String> matched = new HashMap<>();
        Set<String> taken = new java.util.HashSet<>();
        for (Entry entry : entries) {
            String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
            if (byName.containsKey(name) && !ambiguous.contains(name) && taken.add(name)) {
                matched.put(entry.path(), byName.get(name));
            }
        }
        return matched.isEmpty() ? null : new Root("", false, matched);
    }

    /** The root most of the entries agree on (the shortest, on a tie), or {@code null} if none has a lesson. */
    private Root courseRootIn(List<Entry> entries) {
        Map<Root, Integer> votes = new HashMap<>();
        Set<String> ids = new java.util.HashSet<>();
        pristine.lessons().forEach(lesson -> ids.add(lesson.id()));
        for (Entry entry : entries) {
            String[] parts = entry.path().split("/");
            for (int i = 0; i + 1 < parts.length; i++) {
                String before = i == 0 ? "" : String.join("/", Arrays.copyOfRange(parts, 0, i)) + "/";
                if (parts[i].equals("lessons") && ids.contains(parts[i + 1])) {
                    votes.merge(new Root(before, false), 1, Integer::sum);
                    break;
                }
                if (ids.contains(parts[i]) && parts[i + 1].equals("src")) {
                    votes.merge(new Root(before, true), 1, Integer::sum);
                    break;
                }
            }
        }
        return votes.entrySet().stream()
                .sorted(Map.Entry.<Root, Integer>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().prefix().length()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static boolean sameContent(Entry entry, Path pristineFile) throws IOException {
        long size = Files.size(pristineFile);
        if (entry.size() >= 0 && entry.size() != size) {
            return false;
        }
        if (size > 4 * MAX_FILE_BYTES) {
            return true; // a large pristine file (a jar of the wrapper, say) of equal size: not worth reading
        }
        return Arrays.equals(entry.read((int) size + 1), Files.readAllBytes(pristineFile));
    }
}
