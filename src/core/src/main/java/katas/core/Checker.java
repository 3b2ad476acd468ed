package katas.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles a lesson's code with its tests and runs the tests of some of its katas: the one path from
 * sources to verdicts that the self-check, the kata runner and the grader all take.
 */
public final class Checker {

    /**
     * Time allowed per test class before a whole run is stopped; per-test timeouts (30 s, 120 s for a Fray
     * test's schedules) come first. Scaled by {@code -Dkata.timeout.factor} like them.
     */
    private static final Duration PER_TEST_CLASS = Duration.ofMillis(Math.round(150_000 * timeoutFactor()));

    /** The tag every {@code @FrayTest} carries. */
    private static final String FRAY_TAG = "FrayTest";

    private final Course course;
    private final Toolchain toolchain;
    private final Path workRoot;
    private final TestLauncher launcher;

    /**
     * @param workRoot where compiled classes, outputs and Fray's reports of each check go
     */
    public Checker(Course course, Toolchain toolchain, Path workRoot) {
        this.course = course;
        this.toolchain = toolchain;
        this.workRoot = workRoot;
        this.launcher = new TestLauncher(toolchain);
    }

    /** Checks {@code code} of {@code lesson} against the tests of {@code katas}. */
    public LessonCheck check(Lesson lesson, Code code, List<Kata> katas) {
        Path workDir = newWorkDir(lesson);
        Compilation main = Compilation.compile(code.sources(course, lesson).values(), toolchain.classpath(),
                workDir.resolve("classes"));
        if (!main.succeeded()) {
            return failedToCompile(lesson, code, katas, main, code.label() + " does not compile:");
        }
        List<Path> testClasspath = new ArrayList<>();
        testClasspath.add(workDir.resolve("classes"));
        testClasspath.addAll(toolchain.classpath());
        Compilation tests = Compilation.compile(Code.javaFilesUnder(course.testSources(lesson)).values(),
                testClasspath, workDir.resolve("test-classes"));
        if (!tests.succeeded()) {
            return failedToCompile(lesson, code, katas, tests,
                    "the kata tests do not compile against " + code.label()
                            + " (was a public class or method renamed or removed?):");
        }
        List<Path> runClasspath = new ArrayList<>(List.of(workDir.resolve("test-classes"), workDir.resolve("classes")));
        if (Files.isDirectory(course.testResources(lesson))) {
            runClasspath.add(course.testResources(lesson));
        }
        Set<String> testClasses = new LinkedHashSet<>();
        katas.forEach(kata -> testClasses.addAll(kata.tests()));
        Duration limit = PER_TEST_CLASS.multipliedBy(testClasses.size()).plusSeconds(60);
        // As in Maven: Fray's tests on Fray's JDK, every other test on the plain JDK.
        List<String> frayClasses = testClasses.stream().filter(name -> usesFray(lesson, name)).toList();
        RunResult plain = launcher.run(runClasspath, List.copyOf(testClasses), false,
                frayClasses.isEmpty() ? null : "-" + FRAY_TAG, workDir.resolve("plain"), limit);
        RunResult run = frayClasses.isEmpty() ? plain
                : plain.and(launcher.run(runClasspath, frayClasses, true, "+" + FRAY_TAG, workDir.resolve("fray"), limit));
        List<KataVerdict> verdicts = katas.stream().map(kata -> KataVerdict.of(kata, run)).toList();
        return new LessonCheck(lesson, code, main, run, verdicts);
    }

    /** Whether a test class has tests that explore schedules with Fray, which run on Fray's JDK. */
    private boolean usesFray(Lesson lesson, String testClass) {
        Path source = course.testSources(lesson).resolve(testClass.replace('.', '/') + ".java");
        try {
            return Files.isRegularFile(source) && Files.readString(source).contains("@FrayTest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LessonCheck failedToCompile(Lesson lesson, Code code, List<Kata> katas, Compilation compilation,
            String headline) {
        String problem = headline + System.lineSeparator() + compilation.errors();
        List<KataVerdict> verdicts = katas.stream().map(kata -> KataVerdict.error(kata, problem)).toList();
        return new LessonCheck(lesson, code, compilation, null, verdicts);
    }

    private Path newWorkDir(Lesson lesson) {
        try {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot, lesson.id() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder in " + workRoot, e);
        }
    }

    /** {@code -Dkata.timeout.factor}, which the test kit reads too (1 when absent or unreadable; the kit reports bad values). */
    private static double timeoutFactor() {
        try {
            double factor = Double.parseDouble(System.getProperty("kata.timeout.factor", "1").trim());
            return factor > 0 && Double.isFinite(factor) ? factor : 1;
        } catch (NumberFormatException unreadable) {
            return 1;
        }
    }
}
