package katas.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import katas.core.CheckOptions;
import katas.core.Course;
import katas.core.Kata;
import katas.core.Lesson;
import katas.core.Toolchain;

/**
 * Everything a grading session prepares once, in a folder of its own away from the instructor's course:
 * a pristine copy of the course without {@code solutions/} ({@code course/}), copies of the libraries
 * the test JVMs run with ({@code lib/}), the scripts that start them under an output cap ({@code bin/}),
 * and the folder where each check compiles and runs ({@code work/}).
 *
 * <p>So the paths a submission's code can learn from its own JVM (its working folder, its class path,
 * its command line) lead to this folder only: no solutions there, and no hidden test sources (those are
 * compiled from the instructor's folder, which no path given to a test JVM names).
 */
public final class GradingSession implements AutoCloseable {

    /** Largest file a test JVM may write ({@code ulimit -f}): what a kata prints beyond it is dropped. */
    static final long OUTPUT_LIMIT_BYTES = 16L * 1024 * 1024;

    private final Course instructorCourse;
    private final Course course;
    private final GradingConfig config;
    private final HiddenTests hidden;
    private final Path root;
    private final Toolchain toolchain;
    private final String fingerprint;

    private GradingSession(Course instructorCourse, Course course, GradingConfig config, HiddenTests hidden, Path root,
            Toolchain toolchain) {
        this.instructorCourse = instructorCourse;
        this.course = course;
        this.config = config;
        this.hidden = hidden;
        this.root = root;
        this.toolchain = toolchain;
        this.fingerprint = fingerprintOf(config, hidden);
    }

    /**
     * Prepares a session for the course at {@code courseRoot} with {@code config}, in a new folder under
     * {@code base} (the system's temporary folder when {@code null}); {@code libraries} are what kata
     * tests compile and run against.
     */
    public static GradingSession open(Path courseRoot, GradingConfig config, Path base, List<Path> libraries) {
        config.validate();
        Course instructor = Course.load(courseRoot);
        HiddenTests hidden = HiddenTests.read(config.hiddenTests == null ? null : Path.of(config.hiddenTests), instructor);
        for (String id : config.lessons) {
            if (instructor.lesson(id).isEmpty()) {
                throw new GradingException("--lesson " + id + ": course.yaml has no such lesson");
            }
        }
        for (String kata : config.points.keySet()) {
            if (instructor.kata(kata).isEmpty()) {
                throw new GradingException("points: course.yaml has no kata " + kata);
            }
        }
        Path root;
        try {
            Path parent = base != null ? base : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(parent);
            root = Files.createTempDirectory(parent, "kata-grade-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the grading folder", e);
        }
        Path staged = root.resolve("course");
        stagePristine(instructor, staged);
        List<Path> lib = copyLibraries(libraries, root.resolve("lib"));
        Toolchain base0 = Toolchain.fromBuild(lib);
        List<String> common = new ArrayList<>(base0.commonArgs());
        common.add("-Xmx" + config.memory);
        common.add("-XX:+UseSerialGC");
        common.add("-Djunit.jupiter.execution.timeout.default=" + config.testTimeout + " s");
        common.add("-Dkata.timeout.factor=" + config.timeoutFactor);
        Toolchain toolchain = new Toolchain(capped(root, "fray-java", base0.frayJava()), base0.frayArgs(),
                capped(root, "plain-java", base0.plainJava()), common, base0.classpath());
        Course graded = new Course(staged, withHiddenTestsAndPoints(instructor, hidden, config));
        return new GradingSession(instructor, graded, config, hidden, root, toolchain);
    }

    /** The course as graded: the pristine copy, each kata with its hidden tests and its points. */
    public Course course() {
        return course;
    }

    /** The instructor's course, as given. */
    public Course instructorCourse() {
        return instructorCourse;
    }

    public GradingConfig config() {
        return config;
    }

    public HiddenTests hidden() {
        return hidden;
    }

    /** This session's folder. */
    public Path root() {
        return root;
    }

    /** Where checks compile and run. */
    public Path work() {
        return root.resolve("work");
    }

    /** The lessons this session grades: the selected ones that have katas. */
    public List<Lesson> gradedLessons() {
        return course.lessons().stream()
                .filter(lesson -> !lesson.katas().isEmpty())
                .filter(lesson -> config.lessons.isEmpty() || config.lessons.stream()
                        .anyMatch(id -> course.lesson(id).map(l -> l.id().equals(lesson.id())).orElse(false)))
                .toList();
    }

    /**
     * The toolchain of run {@code run} (1 for the first): from the second run on, tests run in a
     * different random order each time (seeded by the run's number, so a grade can be reproduced), which
     * exposes code that passes only in one order.
     */
    public Toolchain toolchain(int run) {
        if (run <= 1) {
            return toolchain;
        }
        List<String> args = new ArrayList<>(toolchain.commonArgs());
        args.add("-Djunit.jupiter.testmethod.order.default=org.junit.jupiter.api.MethodOrderer$Random");
        args.add("-Djunit.jupiter.testclass.order.default=org.junit.jupiter.api.ClassOrderer$Random");
        args.add("-Djunit.jupiter.execution.order.random.seed=" + run);
        return new Toolchain(toolchain.frayJava(), toolchain.frayArgs(), toolchain.plainJava(), args,
                toolchain.classpath());
    }

    /** Checker options: the hidden tests, and each run capped by the run limit and what is left of the budget. */
    public CheckOptions checkOptions(long deadlineNanos) {
        Map<String, List<Path>> extra = new LinkedHashMap<>();
        hidden.folders().forEach((lesson, folder) -> extra.put(lesson, List.of(folder)));
        return new CheckOptions(extra, proposed -> {
            java.time.Duration left = java.time.Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
            java.time.Duration cap = java.time.Duration.ofSeconds(config.runTimeLimit);
            java.time.Duration limit = proposed.compareTo(cap) < 0 ? proposed : cap;
            return limit.compareTo(left) < 0 ? limit : left.plusSeconds(1);
        });
    }

    /** A fingerprint of everything besides the code that decides a grade: the settings and the hidden tests. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The pristine starter of a kata, as handed out. */
    public byte[] starter(Lesson lesson, Kata kata) {
        try {
            Path file = course.lessonSources(lesson).resolve(kata.file());
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a test class is one of the hidden tests. */
    public boolean isHidden(String testClass) {
        return hidden.allClasses().contains(testClass);
    }

    @Override
    public void close() {
        Folders.delete(root);
    }

    private static void stagePristine(Course instructor, Path staged) {
        try {
            Files.createDirectories(staged);
            Files.copy(instructor.root().resolve(Course.MANIFEST), staged.resolve(Course.MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> kept = Set.of("src/main/java/", "src/test/java/", "src/test/resources/");
        for (Lesson lesson : instructor.lessons()) {
            Folders.copy(instructor.lessonDir(lesson), staged.resolve("lessons").resolve(lesson.id()),
                    relative -> relative.equals("pom.xml") || kept.stream().anyMatch(relative::startsWith));
        }
    }

    /** Copies each library (hard-linked where the file system allows) so no test JVM sees where the grader lives. */
    private static List<Path> copyLibraries(List<Path> libraries, Path lib) {
        List<Path> copies = new ArrayList<>();
        try {
            Files.createDirectories(lib);
            int index = 0;
            for (Path library : libraries) {
                index++;
                Path copy = lib.resolve(String.format("%03d-%s", index, library.getFileName()));
                if (Files.isDirectory(library)) {
                    Folders.copy(library, copy, relative -> true);
                } else if (Files.isRegularFile(library)) {
                    try {
                        Files.createLink(copy, library);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(library, copy);
                    }
                } else {
                    continue;
                }
                copies.add(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the test libraries to " + lib, e);
        }
        return copies;
    }

    /**
     * A script that starts {@code java} with the size of every file it writes capped (its output file
     * among them: what a flooding kata prints beyond the cap is dropped, its tests go on). Where there is
     * no POSIX shell, {@code java} itself.
     */
    private static String capped(Path root, String name, String java) {
        if (System.getProperty("os.name").startsWith("Windows") || !Files.isExecutable(Path.of("/bin/sh"))) {
            return java;
        }
        try {
            Path bin = Files.createDirectories(root.resolve("bin"));
            Path script = bin.resolve(name);
            // ulimit -f counts 512-byte blocks in sh (POSIX); the JVM ignores SIGXFSZ, so a write past it just fails.
            Files.writeString(script, "#!/bin/sh\nulimit -f " + OUTPUT_LIMIT_BYTES / 512 + " 2>/dev/null\nexec '"
                    + java.replace("'", "'\\''") + "' \"$@\"\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script.toString();
        } catch (IOException | UnsupportedOperationException e) {
            return java;
        }
    }

    private static List<Lesson> withHiddenTestsAndPoints(Course instructor, HiddenTests hidden, GradingConfig config) {
        List<Lesson> lessons = new ArrayList<>();
        for (Lesson lesson : instructor.lessons()) {
            List<Kata> katas = new ArrayList<>();
            for (Kata kata : lesson.katas()) {
                List<String> tests = new ArrayList<>(kata.tests());
                tests.addAll(hidden.classes().getOrDefault(kata.id(), List.of()));
                Double points = config.points.getOrDefault(kata.id(), kata.points());
                katas.add(new Kata(kata.id(), kata.task(), kata.title(), kata.file(), tests, kata.hints(), kata.wrong(),
                        points));
            }
            lessons.add(new Lesson(lesson.id(), lesson.title(), lesson.packageName(), katas, lesson.demo()));
        }
        return lessons;
    }

    private static String fingerprintOf(GradingConfig config, HiddenTests hidden) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((config.runs + "|" + config.testTimeout + "|" + config.runTimeLimit + "|" + config.memory + "|"
                    + config.timeoutFactor + "|" + config.partialCredit + "|" + config.points).getBytes(StandardCharsets.UTF_8));
            for (Path folder : hidden.folders().values()) {
                try (var files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The libraries kata tests need, from this JVM's class path: everything but the grader's own classes
     * and any test classes (which would show a test JVM where the grader and its fixtures live).
     */
    public static List<Path> kataLibraries() {
        Path own;
        try {
            own = Path.of(GradingSession.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            own = null;
        }
        Path ownPath = own;
        return Toolchain.currentClasspath().stream()
                .filter(entry -> !entry.equals(ownPath))
                .filter(entry -> Files.isDirectory(entry) || entry.getFileName().toString().endsWith(".jar"))
                .filter(entry -> !entry.getFileName().toString().equals("test-classes"))
                .filter(entry -> !entry.getFileName().toString().startsWith("picocli"))
                .filter(entry -> !entry.getFileName().toString().startsWith("kata-grader"))
                .toList();
    }
}
