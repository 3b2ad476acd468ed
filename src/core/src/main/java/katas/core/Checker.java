package katas.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles a lesson's code with its tests and runs the tests of some of its katas: the one path from
 * sources to verdicts that the self-check, the kata runner and the grader all take.
 *
 * <p>{@link #check} does it all at once. The runner's watch mode takes it in steps, to show a verdict
 * as early as possible: {@link #compile}, then {@link #runPlain} (every test that needs no Fray, fast,
 * in a warm worker), and only when those pass, {@link #runFray} (the tests that explore schedules, on
 * Fray's JDK).
 */
public final class Checker {

    /**
     * Time allowed per test class before a whole run is stopped; per-test timeouts (30 s, 120 s for a Fray
     * test's schedules) come first. Scaled by {@code -Dkata.timeout.factor} like them.
     */
    private static final Duration PER_TEST_CLASS = Duration.ofMillis(Math.round(150_000 * timeoutFactor()));

    /** The tag every {@code @FrayTest} carries. */
    public static final String FRAY_TAG = "FrayTest";

    /** The tag of the test kit's {@code @ModelCheckTest}: a Lincheck model check. */
    public static final String MODEL_CHECK_TAG = "ModelCheck";

    /**
     * Tests that explore schedules or interleavings themselves, hundreds per run: one run of them is
     * the evidence, where other tests of concurrent code are worth repeating.
     */
    public static final List<String> EXPLORING_TAGS = List.of(FRAY_TAG, MODEL_CHECK_TAG);

    /** The tag of the test kit's {@code @StressTest}: a pass can be luck, so it earns no partial credit alone. */
    public static final String STRESS_TAG = "Stress";

    /** Runs the tests that need no Fray: in a fresh JVM ({@link TestLauncher}) or a warm one ({@link WarmWorker}). */
    @FunctionalInterface
    public interface PlainTests {
        /**
         * Runs {@code testClasses} from {@code classpath}; {@code tagFilter} as in {@link TestLauncher#run}.
         */
        RunResult run(List<Path> classpath, List<String> testClasses, String tagFilter, Path workDir, Duration timeLimit);
    }

    /**
     * A lesson's code compiled with its tests, ready to run, or the reason it is not.
     *
     * @param workDir this check's own folder
     * @param classpath the compiled tests and code, and the lesson's test resources ({@code null} if it did not compile)
     * @param failed the verdicts when it did not compile ({@code null} if it did)
     */
    public record Compiled(Lesson lesson, Code code, Path workDir, Compilation compilation, List<Path> classpath,
            LessonCheck failed) {

        /** Whether the code and its tests compiled. */
        public boolean succeeded() {
            return failed == null;
        }
    }

    private final Course course;
    private final Toolchain toolchain;
    private final Path workRoot;
    private final TestLauncher launcher;
    private final PlainTests plainTests;
    private final Path testClassCache;
    private final CheckOptions options;

    /**
     * @param workRoot where compiled classes, outputs and Fray's reports of each check go
     */
    public Checker(Course course, Toolchain toolchain, Path workRoot) {
        this(course, toolchain, workRoot, null);
    }

    /**
     * A checker that runs the tests needing no Fray with {@code plainTests} (a {@link WarmWorker}, say);
     * with {@code null}, in a fresh JVM per run like every other test.
     */
    public Checker(Course course, Toolchain toolchain, Path workRoot, PlainTests plainTests) {
        this(course, toolchain, workRoot, plainTests, CheckOptions.DEFAULT);
    }

    /**
     * A checker that also compiles and runs the extra tests of {@code options} and caps the time of each
     * run with it (the grader's: hidden tests, a time budget per submission).
     */
    public Checker(Course course, Toolchain toolchain, Path workRoot, PlainTests plainTests, CheckOptions options) {
        this.options = options;
        this.course = course;
        this.toolchain = toolchain;
        this.workRoot = workRoot;
        this.launcher = new TestLauncher(toolchain);
        this.plainTests = plainTests != null ? plainTests
                : (classpath, classes, tags, dir, limit) -> launcher.run(classpath, classes, false, tags, dir, limit);
        // Watch mode checks on every save: there, tests compiled once are reused while they still fit the code.
        this.testClassCache = plainTests != null ? workRoot.resolve("test-classes-cache") : null;
    }

    /** The course this checker judges. */
    public Course course() {
        return course;
    }

    /** Checks {@code code} of {@code lesson} against the tests of {@code katas}: every test, on its JDK. */
    public LessonCheck check(Lesson lesson, Code code, List<Kata> katas) {
        Compiled compiled = compile(lesson, code, katas);
        if (!compiled.succeeded()) {
            return compiled.failed();
        }
        Set<String> testClasses = testClasses(katas);
        List<String> frayClasses = testClasses.stream().filter(name -> usesFray(lesson, name)).toList();
        // As in Maven: Fray's tests on Fray's JDK, every other test on the plain JDK.
        RunResult plain = plainTests.run(compiled.classpath(), List.copyOf(testClasses),
                frayClasses.isEmpty() ? null : "-" + FRAY_TAG, compiled.workDir().resolve("plain"), limit(testClasses));
        RunResult run = frayClasses.isEmpty() ? plain : plain.and(runFrayTests(compiled, frayClasses));
        return judged(compiled, katas, run);
    }

    /**
     * Compiles {@code code} of {@code lesson} and the lesson's tests; when either does not compile, the
     * result carries an {@link KataVerdict.Status#ERROR} verdict for each of {@code katas} that says why.
     */
    public Compiled compile(Lesson lesson, Code code, List<Kata> katas) {
        Path workDir = newWorkDir(lesson);
        // As in Maven, a lesson's own code has no dependencies (the test kit is for its tests only), and
        // javac then has no libraries to search: most of what a small compilation costs.
        Compilation main = Compilation.compile(code.sources(course, lesson).values(), List.of(), workDir.resolve("classes"));
        if (!main.succeeded()) {
            return new Compiled(lesson, code, workDir, main, null,
                    failedToCompile(lesson, code, katas, main, code.label() + " does not compile:"));
        }
        List<Path> testClasspath = new ArrayList<>();
        testClasspath.add(workDir.resolve("classes"));
        testClasspath.addAll(toolchain.classpath());
        Collection<Path> testSources = testSources(lesson).values();
        Path testClasses = workDir.resolve("test-classes");
        Path reusable = reusableTestClasses(lesson, workDir.resolve("classes"), testSources, testClasspath);
        if (reusable != null && Files.isDirectory(reusable)) {
            testClasses = reusable;
        } else {
            Compilation tests = Compilation.compile(testSources, testClasspath, testClasses);
            if (!tests.succeeded()) {
                return new Compiled(lesson, code, workDir, tests, null, failedToCompile(lesson, code, katas, tests,
                        "the kata tests do not compile against " + code.label()
                                + " (was a public class or method renamed or removed?):"));
            }
            keep(testClasses, reusable);
        }
        List<Path> runClasspath = new ArrayList<>(List.of(testClasses, workDir.resolve("classes")));
        if (Files.isDirectory(course.testResources(lesson))) {
            runClasspath.add(course.testResources(lesson));
        }
        return new Compiled(lesson, code, workDir, main, List.copyOf(runClasspath), null);
    }

    /**
     * Where the lesson's tests, compiled against code with the same visible API as {@code classes}, are
     * kept for reuse when test classes are cached ({@code null} when they are not). Compiling the tests
     * is most of the cost of a check, and a learner's save rarely changes what the tests can see.
     */
    private Path reusableTestClasses(Lesson lesson, Path classes, Collection<Path> testSources, List<Path> classpath) {
        if (testClassCache == null) {
            return null;
        }
        StringBuilder sources = new StringBuilder();
        try {
            for (Path source : new java.util.TreeSet<>(testSources)) {
                sources.append(source).append('\n').append(Files.readString(source)).append('\n');
            }
        } catch (IOException e) {
            return null;
        }
        String key = ClassApi.fingerprint(classes, sources.toString(), classpath.subList(1, classpath.size()).toString());
        return testClassCache.resolve(lesson.id() + "-" + key);
    }

    /** Publishes freshly compiled test classes as the reusable copy (atomically, so a half copy is never used). */
    private static void keep(Path testClasses, Path reusable) {
        if (reusable == null) {
            return;
        }
        try {
            Files.createDirectories(reusable.getParent());
            Path staging = Files.createTempDirectory(reusable.getParent(), "staging-");
            try (java.util.stream.Stream<Path> walk = Files.walk(testClasses)) {
                for (Path path : walk.toList()) {
                    Path copy = staging.resolve(testClasses.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy);
                    }
                }
            }
            Files.move(staging, reusable, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            // another check published the same classes first, or the disk is full: compiling again is the cost
        }
    }

    /** Runs every test of {@code katas} that needs no Fray, and judges the katas on those alone. */
    public LessonCheck runPlain(Compiled compiled, List<Kata> katas) {
        if (!compiled.succeeded()) {
            return compiled.failed();
        }
        Set<String> testClasses = testClasses(katas);
        boolean anyFray = testClasses.stream().anyMatch(name -> usesFray(compiled.lesson(), name));
        RunResult plain = plainTests.run(compiled.classpath(), List.copyOf(testClasses), anyFray ? "-" + FRAY_TAG : null,
                compiled.workDir().resolve("plain"), limit(testClasses));
        return judged(compiled, katas, plain);
    }

    /**
     * Runs the Fray tests of {@code katas} on Fray's JDK and judges the katas on those together with
     * the run of {@code plain} (from {@link #runPlain}).
     */
    public LessonCheck runFray(Compiled compiled, List<Kata> katas, LessonCheck plain) {
        List<String> frayClasses = testClasses(katas).stream().filter(name -> usesFray(compiled.lesson(), name)).toList();
        if (!compiled.succeeded() || frayClasses.isEmpty() || plain.run() == null) {
            return plain;
        }
        return judged(compiled, katas, plain.run().and(runFrayTests(compiled, frayClasses)));
    }

    /**
     * Runs again the tests of {@code katas} that do not explore schedules themselves (those without an
     * {@link #EXPLORING_TAGS exploring tag}), on the plain JDK: a repeated run, to catch a race that shows
     * in some runs only. Give it only katas whose test classes have such tests.
     */
    public LessonCheck runRepeatable(Compiled compiled, List<Kata> katas) {
        if (!compiled.succeeded()) {
            return compiled.failed();
        }
        Set<String> testClasses = testClasses(katas);
        RunResult run = plainTests.run(compiled.classpath(), List.copyOf(testClasses), "-" + String.join(",", EXPLORING_TAGS),
                compiled.workDir().resolve("repeat"), limit(testClasses));
        return judged(compiled, katas, run);
    }

    /** Some katas of one compiled lesson, to run with those of other lessons ({@link #runTogether}). */
    public record Share(Compiled compiled, List<Kata> katas) {
    }

    /**
     * Runs the tests of several lessons' katas together: those that need no Fray in one plain JVM, the
     * Fray tests in one JVM on Fray's JDK, where {@link #runPlain} and {@link #runFray} start two JVMs per
     * lesson (and Fray's JVM spends seconds warming up each time). Lessons keep their classes in packages
     * of their own, so their class paths join without clashes. With {@code repeatOnly}, only the tests
     * that {@link #runRepeatable} runs.
     *
     * <p>One lesson's code can now disturb another's tests (a thread it leaves running, a call to
     * {@code System.exit}): a caller that needs each lesson judged on its own runs again, alone, what did
     * not pass here.
     */
    public RunResult runTogether(List<Share> shares, boolean repeatOnly) {
        List<Share> compiled = shares.stream().filter(share -> share.compiled().succeeded() && !share.katas().isEmpty()).toList();
        if (compiled.isEmpty()) {
            return null;
        }
        Set<Path> classpath = new LinkedHashSet<>();
        List<String> plainClasses = new ArrayList<>();
        List<String> frayClasses = new ArrayList<>();
        Duration plainLimit = Duration.ZERO;
        Duration frayLimit = Duration.ZERO;
        for (Share share : compiled) {
            classpath.addAll(share.compiled().classpath());
            Set<String> classes = testClasses(share.katas());
            plainClasses.addAll(classes);
            plainLimit = plainLimit.plus(ownLimit(classes));
            if (!repeatOnly) {
                List<String> fray = classes.stream().filter(name -> usesFray(share.compiled().lesson(), name)).toList();
                frayClasses.addAll(fray);
                if (!fray.isEmpty()) {
                    frayLimit = frayLimit.plus(ownLimit(fray));
                }
            }
        }
        Path workDir = compiled.get(0).compiled().workDir().resolve(repeatOnly ? "together-repeat" : "together");
        String exclude = "-" + (repeatOnly ? String.join(",", EXPLORING_TAGS) : FRAY_TAG);
        // The lessons' own limits add up, and the options cap the sum (a grader's budget), never each part alone.
        RunResult run = launcher.run(List.copyOf(classpath), plainClasses, false, exclude, workDir.resolve("plain"),
                options.timeLimit().apply(plainLimit));
        if (!frayClasses.isEmpty()) {
            run = run.and(launcher.run(List.copyOf(classpath), frayClasses, true, "+" + FRAY_TAG, workDir.resolve("fray"),
                    options.timeLimit().apply(frayLimit)));
        }
        return run;
    }

    /** Whether some test of {@code katas} explores schedules with Fray (and so runs on Fray's JDK). */
    public boolean usesFray(Lesson lesson, List<Kata> katas) {
        return testClasses(katas).stream().anyMatch(name -> usesFray(lesson, name));
    }

    private RunResult runFrayTests(Compiled compiled, List<String> frayClasses) {
        return launcher.run(compiled.classpath(), frayClasses, true, "+" + FRAY_TAG, compiled.workDir().resolve("fray"),
                limit(frayClasses));
    }

    private static LessonCheck judged(Compiled compiled, List<Kata> katas, RunResult run) {
        List<KataVerdict> verdicts = katas.stream().map(kata -> KataVerdict.of(kata, run)).toList();
        return new LessonCheck(compiled.lesson(), compiled.code(), compiled.compilation(), run, verdicts);
    }

    private static Set<String> testClasses(List<Kata> katas) {
        Set<String> testClasses = new LinkedHashSet<>();
        katas.forEach(kata -> testClasses.addAll(kata.tests()));
        return testClasses;
    }

    private Duration limit(java.util.Collection<String> testClasses) {
        return options.timeLimit().apply(ownLimit(testClasses));
    }

    /** The time a JVM running {@code testClasses} gets before the options cap it. */
    private static Duration ownLimit(java.util.Collection<String> testClasses) {
        return PER_TEST_CLASS.multipliedBy(testClasses.size()).plusSeconds(60);
    }

    /** The lesson's test sources and the extra ones of the options, by path relative to their root. */
    private java.util.Map<String, Path> testSources(Lesson lesson) {
        java.util.Map<String, Path> sources = Code.javaFilesUnder(course.testSources(lesson));
        options.extraTestSources(lesson).forEach(root -> sources.putAll(Code.javaFilesUnder(root)));
        return sources;
    }

    /** Whether a test class has tests that explore schedules with Fray, which run on Fray's JDK. */
    private boolean usesFray(Lesson lesson, String testClass) {
        Path source = testSources(lesson).get(testClass.replace('.', '/') + ".java");
        try {
            return source != null && Files.readString(source).contains("@FrayTest");
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

    /** Deletes the folder of a check whose results have been read (watch mode checks on every save). */
    public void discard(Compiled compiled) {
        try (java.util.stream.Stream<Path> walk = Files.walk(compiled.workDir())) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a file still open on Windows, say: the next clean-up gets it
        }
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
