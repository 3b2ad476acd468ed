package katas.grader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import katas.core.CourseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kata grade}: grades a class's submissions and writes the gradebook, feedback and reports. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        header = "Grade a class's submissions and write the gradebook and reports (instructors).",
        description = "Grades submissions of this course: folders, .zip files or git repositories (URL or path), each"
                + " a whole course or just its lessons/ folder, one per student. Only the learner's kata files are taken;"
                + " tests, build files and the test kit are always the course's own. Writes grades.csv, grades.json,"
                + " report.html, feedback/*.md, gradescope/*/results.json, junit/*.xml and classroom/*.json into --out.",
        footer = {"", "Exit codes: 0 all graded; 1 some submission could not be read or graded (see its notes);"
                + " 2 bad usage or settings.", "Settings file (YAML or JSON): see src/grader/README.md."})
public final class GradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CourseOption courseOption = new CourseOption();

    @Parameters(paramLabel = "SUBMISSION", arity = "1..*",
            description = "Folders, .zip files or git repositories; @file reads them from a file, one per line.")
    List<String> submissions = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Grading settings (YAML or JSON).")
    Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "grades",
            description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The students' names, in the order of the submissions.")
    List<String> names = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", description = "Runs of each kata that passes once; credit only if all pass.")
    Integer runs;

    @Option(names = "--hidden-tests", paramLabel = "DIR", description = "Extra tests students never see: DIR/<lesson-id>/...")
    Path hiddenTests;

    @Option(names = "--lesson", paramLabel = "ID", description = "Grade only this lesson (repeatable).")
    List<String> lessons = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", description = "Submissions graded at once.")
    Integer parallel;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Heap cap of each test JVM, such as 512m.")
    String memory;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", description = "Time one test may take.")
    Integer testTimeout;

    @Option(names = "--run-time-limit", paramLabel = "SECONDS", description = "Time one test JVM may take.")
    Integer runTimeLimit;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Time all runs of one submission may take.")
    Integer submissionTimeLimit;

    @Option(names = "--timeout-factor", paramLabel = "X", description = "Scales the test kit's delays (slow machines).")
    Double timeoutFactor;

    @Option(names = "--no-partial-credit", description = "A kata earns its points only when all its tests pass.")
    boolean noPartialCredit;

    @Option(names = "--no-cache", description = "Grade identical lesson code again instead of reusing its result.")
    boolean noCache;

    @Option(names = "--gradescope-results", paramLabel = "FILE",
            description = "Also write the first submission's Gradescope results.json here (for run_autograder).")
    Path gradescopeResults;

    @Option(names = "--work", paramLabel = "DIR", hidden = true, description = "Where the session folder is made.")
    Path work;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GradingConfig settings;
        try {
            settings = settings();
        } catch (GradingException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        List<ClassGrader.Entry> entries = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            entries.add(new ClassGrader.Entry(submissions.get(i), i < names.size() ? names.get(i) : null));
        }
        GradeReport report;
        long started = System.nanoTime();
        try (GradingSession session = GradingSession.open(courseOption.root(), settings, work, GradingSession.kataLibraries())) {
            err.printf("Grading %d submission(s) of %s: %d lesson(s), each kata run up to %d time(s)%n", entries.size(),
                    session.instructorCourse().root(), session.gradedLessons().size(), settings.runs);
            err.flush();
            ProgressBar bar = new ProgressBar(err);
            report = new ClassGrader(session).grade(entries, bar::show);
        } catch (GradingException | CourseException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            ReportWriter.writeAll(report, out);
        } catch (java.io.UncheckedIOException e) {
            err.println(e.getMessage() + ": the grades are lost; choose another --out and grade again.");
            return ExitCodes.USAGE;
        }
        if (gradescopeResults != null && !report.students().isEmpty()) {
            try {
                ReportWriter.write(gradescopeResults.toAbsolutePath(),
                        ReportWriter.json(GradescopeResults.of(report.students().get(0))));
            } catch (java.io.IOException e) {
                err.println("cannot write " + gradescopeResults + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        for (GradeReport.Student student : report.students()) {
            console.printf("%-24s %6s / %-6s %s%n", student.student(), CsvGradebook.number(student.score()),
                    CsvGradebook.number(student.maxScore()), student.problem() != null ? "NOT GRADED: " + student.problem()
                            : counts(student));
        }
        console.println(throughput(report, (System.nanoTime() - started) / 1e9));
        console.println("Reports: " + out.toAbsolutePath());
        console.flush();
        boolean allGraded = report.students().stream().allMatch(student -> student.problem() == null);
        return allGraded ? ExitCodes.OK : ExitCodes.SOME_NOT_GRADED;
    }

    private GradingConfig settings() {
        GradingConfig settings = config != null ? GradingConfig.read(config) : new GradingConfig();
        if (runs != null) {
            settings.runs = runs;
        }
        if (hiddenTests != null) {
            settings.hiddenTests = hiddenTests.toAbsolutePath().normalize().toString();
        }
        if (!lessons.isEmpty()) {
            settings.lessons = lessons;
        }
        if (parallel != null) {
            settings.parallel = parallel;
        }
        if (memory != null) {
            settings.memory = memory;
        }
        if (testTimeout != null) {
            settings.testTimeout = testTimeout;
        }
        if (runTimeLimit != null) {
            settings.runTimeLimit = runTimeLimit;
        }
        if (submissionTimeLimit != null) {
            settings.submissionTimeLimit = submissionTimeLimit;
        }
        if (timeoutFactor != null) {
            settings.timeoutFactor = timeoutFactor;
        }
        if (noPartialCredit) {
            settings.partialCredit = false;
        }
        if (noCache) {
            settings.cache = false;
        }
        settings.validate();
        return settings;
    }

    /** How fast grading went, and where the time of a submission went on average. */
    static String throughput(GradeReport report, double seconds) {
        int count = report.students().size();
        double compile = report.students().stream().mapToDouble(s -> s.cost().compile()).sum();
        double test = report.students().stream().mapToDouble(s -> s.cost().test()).sum();
        double overhead = report.students().stream().mapToDouble(s -> s.cost().overhead()).sum();
        int cached = report.students().stream().mapToInt(s -> s.cost().cachedLessons()).sum();
        int skipped = report.students().stream().mapToInt(s -> s.cost().skippedLessons()).sum();
        return String.format(java.util.Locale.ROOT,
                "Graded %d submission(s) in %.1f s: %.1f per minute. Per submission on average: compile %.2f s, tests %.2f s,"
                        + " other %.2f s; lessons reused from identical code: %d, skipped as handed out: %d.",
                count, seconds, count == 0 ? 0 : count / seconds * 60, compile / Math.max(1, count), test / Math.max(1, count),
                overhead / Math.max(1, count), cached, skipped);
    }

    private static String counts(GradeReport.Student student) {
        int[] counts = new int[GradeReport.Status.values().length];
        student.lessons().forEach(lesson -> lesson.katas().forEach(kata -> counts[kata.status().ordinal()]++));
        List<String> parts = new ArrayList<>();
        for (GradeReport.Status status : GradeReport.Status.values()) {
            if (counts[status.ordinal()] > 0) {
                parts.add(counts[status.ordinal()] + " " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        return String.join(", ", parts) + String.format(" (%.1f s)", student.seconds());
    }

    /** A progress bar on the error stream, one line per finished submission. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final long started = System.nanoTime();

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        void show(ClassGrader.Done done) {
            int filled = done.total() == 0 ? WIDTH : done.done() * WIDTH / done.total();
            double elapsed = (System.nanoTime() - started) / 1e9;
            double eta = done.done() == 0 ? 0 : elapsed / done.done() * (done.total() - done.done());
            err.printf("[%s%s] %d/%d  %-20s %s/%s  (%.0f s, about %.0f s left)%n", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    done.done(), done.total(), done.student().student(), CsvGradebook.number(done.student().score()),
                    CsvGradebook.number(done.student().maxScore()), elapsed, eta);
            err.flush();
        }
    }
}
