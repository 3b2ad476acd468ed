package katas.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import katas.core.Checker;
import katas.core.Code;
import katas.core.Kata;
import katas.core.KataVerdict;
import katas.core.Lesson;
import katas.core.LessonCheck;
import katas.core.RunResult;
import katas.core.TestOutcome;

/**
 * Grades submissions through the core's {@link Checker}: the submission's kata files laid over the
 * pristine lesson ({@link Code.Overlay}), compiled with the lesson's tests and the hidden ones, run in
 * fresh JVMs under the session's limits, repeated, and turned into a {@link GradeReport.Student}.
 *
 * <ul>
 *   <li>A lesson whose kata files are all the starter as handed out scores 0 without running.
 *   <li>Identical lesson code is graded once per session (keyed by a hash of its content and of the
 *       settings) and the result reused.
 *   <li>A run that a kata broke (the JVM exited, hung past its limit, or died) is run again one kata
 *       per JVM, so the kata that broke it costs only its own tests.
 *   <li>A kata with a passing test is run {@link GradingConfig#runs} times, from the second run in a
 *       random test order; a test earns credit only if it passed every run.
 *   <li>Partial credit is for progress from the starter as handed out ({@link #progress}).
 * </ul>
 */
public final class Grader {

    private static final String WHOLE_CLASS = "(the whole class)";
    /** How the test kit's report on a test cut off by its timeout begins (its {@code KataExtension}). */
    static final String TEST_TIMED_OUT = "The test did not finish in time";
    private static final int MESSAGE_LIMIT = 4000;

    private final GradingSession session;
    private final GradingConfig config;
    private final Map<String, CompletableFuture<Graded>> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Reference>> references = new ConcurrentHashMap<>();
    private final AtomicInteger sourceFolders = new AtomicInteger();

    /** A lesson graded, with what it cost. */
    private record Graded(GradeReport.Lesson lesson, double compileSeconds, double testSeconds) {
    }

    /**
     * One run of one kata: its verdict and the outcomes of its test classes.
     *
     * @param repeat whether it was a repeated run, which leaves out the tests that explore schedules themselves
     */
    record KataRun(KataVerdict verdict, List<TestOutcome> outcomes, RunResult run, boolean repeat) {

        KataRun(KataVerdict verdict, List<TestOutcome> outcomes, RunResult run) {
            this(verdict, outcomes, run, false);
        }
    }

    public Grader(GradingSession session) {
        this.session = session;
        this.config = session.config();
    }

    /** A lesson of one submission on its way to a grade: compiled, then run, then judged. */
    private final class Job {
        final Lesson lesson;
        final List<Kata> edited;
        final String key;
        final long deadline;
        final Map<String, List<KataRun>> runs = new LinkedHashMap<>();
        final Map<String, Integer> isolation = new java.util.HashMap<>();
        Checker.Compiled compiled;
        double compileSeconds;
        double testSeconds;
        String budget;
        /** The grade, once known (early when the code does not compile). */
        Graded graded;

        Job(Lesson lesson, List<Kata> edited, String key, long deadline) {
            this.lesson = lesson;
            this.edited = edited;
            this.key = key;
            this.deadline = deadline;
            edited.forEach(kata -> runs.put(kata.id(), new ArrayList<>()));
        }
    }

    /** Grades one submission; it never throws for anything the submission does. */
    public GradeReport.Student grade(Submission submission) {
        long started = System.nanoTime();
        long deadline = started + config.submissionTimeLimit * 1_000_000_000L;
        // Each lesson's place in the report: its grade already, a lesson to grade (Job), or another submission's grading of the same code.
        List<Object> slots = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        Map<Job, CompletableFuture<Graded>> mine = new LinkedHashMap<>();
        int cached = 0;
        int skipped = 0;
        for (Lesson lesson : session.gradedLessons()) {
            if (submission.problem() != null) {
                slots.add(allOf(lesson, lesson.katas(), GradeReport.Status.ERROR, submission.problem()));
                continue;
            }
            Map<String, byte[]> files = submission.files().getOrDefault(lesson.id(), Map.of());
            List<Kata> edited = lesson.katas().stream()
                    .filter(kata -> files.containsKey(kata.file())
                            && !Arrays.equals(files.get(kata.file()), session.starter(lesson, kata)))
                    .toList();
            if (edited.isEmpty()) {
                slots.add(allOf(lesson, lesson.katas(), GradeReport.Status.NOT_STARTED, null));
                skipped++;
                continue;
            }
            String key = keyOf(lesson, edited, files);
            CompletableFuture<Graded> future = new CompletableFuture<>();
            CompletableFuture<Graded> earlier = config.cache ? cache.putIfAbsent(key, future) : null;
            if (earlier != null) {
                slots.add(earlier); // joined only after this submission's own lessons are done: no waiting in a circle
                cached++;
                continue;
            }
            Job job = new Job(lesson, edited, key, deadline);
            slots.add(job);
            jobs.add(job);
            mine.put(job, future);
            try {
                prepare(job, files);
            } catch (RuntimeException e) {
                job.graded = graderFailure(lesson, e);
            }
        }
        try {
            List<Job> ready = jobs.stream().filter(job -> job.graded == null).toList();
            try {
                runAll(ready);
            } catch (RuntimeException e) {
                ready.stream().filter(job -> job.graded == null).forEach(job -> job.graded = graderFailure(job.lesson, e));
            } finally {
                ready.forEach(job -> discard(job));
            }
        } finally {
            for (Map.Entry<Job, CompletableFuture<Graded>> entry : mine.entrySet()) {
                Job job = entry.getKey();
                if (job.graded == null) {
                    job.graded = graderFailure(job.lesson, new IllegalStateException("not graded"));
                }
                entry.getValue().complete(job.graded);
                String problem = job.graded.lesson().problem();
                if (problem != null && (problem.contains("time budget") || problem.startsWith(GRADER_FAILED))) {
                    cache.remove(job.key, entry.getValue()); // not the code's verdict: the next copy is graded afresh
                }
            }
        }
        List<GradeReport.Lesson> lessons = new ArrayList<>();
        double compile = 0;
        double test = 0;
        for (Object slot : slots) {
            if (slot instanceof GradeReport.Lesson lesson) {
                lessons.add(lesson);
            } else if (slot instanceof Job job) {
                lessons.add(job.graded.lesson());
                compile += job.graded.compileSeconds();
                test += job.graded.testSeconds();
            } else {
                @SuppressWarnings("unchecked")
                CompletableFuture<Graded> earlier = (CompletableFuture<Graded>) slot;
                lessons.add(earlier.join().lesson());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double score = round(lessons.stream().mapToDouble(GradeReport.Lesson::score).sum());
        double max = round(lessons.stream().mapToDouble(GradeReport.Lesson::maxScore).sum());
        GradeReport.Cost cost = new GradeReport.Cost(round(compile), round(test), round(Math.max(0, seconds - compile - test)),
                cached, skipped);
        return new GradeReport.Student(submission.student(), submission.source(), score, max, round(seconds), cost,
                submission.problem(), submission.intake(), lessons);
    }

    private static final String GRADER_FAILED = "The grader could not grade this lesson";

    /** The grade of a lesson the grader itself failed on (a full disk, say): the other lessons are still graded. */
    private Graded graderFailure(Lesson lesson, RuntimeException e) {
        return new Graded(allOf(lesson, lesson.katas(), GradeReport.Status.ERROR,
                GRADER_FAILED + " (" + e + "); ask your instructor to grade it again."), 0, 0);
    }

    /**
     * Compiles a job's lesson with the submitted files; settles its grade at once when that fails, when the
     * files declare classes outside the lesson's package, or when the submission is out of time.
     */
    private void prepare(Job job, Map<String, byte[]> files) {
        Lesson lesson = job.lesson;
        List<Kata> notStarted = lesson.katas().stream().filter(kata -> !job.edited.contains(kata)).toList();
        Map<String, GradeReport.Kata> results = new LinkedHashMap<>();
        notStarted.forEach(kata -> results.put(kata.id(), kataOf(kata, GradeReport.Status.NOT_STARTED, null)));
        if (System.nanoTime() > job.deadline) {
            job.graded = new Graded(allOf(lesson, lesson.katas(), GradeReport.Status.ERROR, "The submission used up its time budget of "
                    + config.submissionTimeLimit + " s before this lesson was graded."), 0, 0);
            return;
        }
        Code code = new Code.Overlay("your code", writeSources(lesson, job.edited, files, job.key));
        long compileStart = System.nanoTime();
        Checker.Compiled compiled = checker(1, job.deadline).compile(lesson, code, job.edited);
        job.compileSeconds = (System.nanoTime() - compileStart) / 1e9;
        job.compiled = compiled;
        if (!compiled.succeeded() && job.edited.size() > 1) {
            // One kata's file may break the lesson: grade each edited kata alone, with the others as handed out.
            double compileSeconds = job.compileSeconds;
            double testSeconds = 0;
            discard(job);
            for (Kata kata : job.edited) {
                Graded alone = gradeLesson(lesson, List.of(kata), files, job.key + "-" + kata.id(), job.deadline);
                results.put(kata.id(), alone.lesson().katas().stream().filter(k -> k.kata().equals(kata.id()))
                        .findFirst().orElseThrow());
                compileSeconds += alone.compileSeconds();
                testSeconds += alone.testSeconds();
            }
            job.graded = new Graded(lessonOf(lesson, results, null), compileSeconds, testSeconds);
            return;
        }
        if (!compiled.succeeded()) {
            String errors = compiled.failed().verdicts().get(0).problem();
            job.edited.forEach(kata -> results.put(kata.id(), kataOf(kata, GradeReport.Status.ERROR,
                    "It does not compile, so none of this lesson's edited katas could be tested. " + errors)));
            job.graded = new Graded(lessonOf(lesson, results, "does not compile"), job.compileSeconds, 0);
            discard(job);
            return;
        }
        List<String> foreign = classesOutsidePackage(compiled.workDir().resolve("classes"), lesson.packageName());
        if (!foreign.isEmpty()) {
            String problem = "Your files declare classes outside the lesson's package " + lesson.packageName() + " ("
                    + String.join(", ", foreign) + "). Such classes could take the place of the tests' or the test"
                    + " kit's own, so this lesson was not run: keep every class in package " + lesson.packageName() + ".";
            job.edited.forEach(kata -> results.put(kata.id(), kataOf(kata, GradeReport.Status.ERROR, problem)));
            job.graded = new Graded(lessonOf(lesson, results, problem), job.compileSeconds, 0);
            discard(job);
        }
    }

    /** One lesson graded on its own: compiled, run in JVMs of its own, judged. */
    private Graded gradeLesson(Lesson lesson, List<Kata> edited, Map<String, byte[]> files, String key, long deadline) {
        Job job = new Job(lesson, edited, key, deadline);
        prepare(job, files);
        if (job.graded == null) {
            try {
                runAll(List.of(job));
            } finally {
                discard(job);
            }
        }
        return job.graded;
    }

    private void discard(Job job) {
        if (job.compiled != null) {
            checker(1, job.deadline).discard(job.compiled);
            job.compiled = null;
        }
    }

    /**
     * Runs the edited katas of compiled lessons {@link GradingConfig#runs} times and judges them.
     *
     * <p>Several lessons run together, in one plain JVM and one Fray JVM for all ({@link Checker#runTogether}):
     * starting two JVMs per lesson and warming Fray up in each cost more than most lessons' tests. What
     * passes there counts. What does not is run again in JVMs of the lesson's own, as if graded alone, and
     * judged there: one lesson's code (a thread it leaves running, {@code System.exit}) must not cost
     * another lesson its points. A joint run whose failures are only the tests' own checks, with no test
     * timed out, crashed or leaving threads behind, is taken as it is; when some lessons' tests did time
     * out, crash or leave threads, the failed katas of the other lessons get a second joint run without
     * them, taken as it is on the same terms.
     *
     * <p>The first run runs every test. The runs after it repeat only the katas that passed a test in the
     * first, and only their tests that do not explore schedules themselves: a Fray test or a model check
     * tries hundreds of interleavings in its one run. A repeat is taken on the same terms, except that a
     * kata solved in the first run and failing a repeat is run again alone before it counts as racy.
     */
    private void runAll(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        long deadline = jobs.get(0).deadline;
        long testStart = System.nanoTime();
        boolean together = jobs.size() > 1;
        for (int run = 1; run <= config.runs; run++) {
            boolean repeat = run > 1;
            Map<Job, List<Kata>> due = new LinkedHashMap<>();
            for (Job job : jobs) {
                List<Kata> katas = repeat
                        ? job.edited.stream().filter(kata -> anyPassed(job.runs.get(kata.id()).get(0)))
                                .map(kata -> repeatable(kata, job.runs.get(kata.id()).get(0))).filter(java.util.Objects::nonNull).toList()
                        : job.edited;
                if (!katas.isEmpty()) {
                    due.put(job, katas);
                }
            }
            if (due.isEmpty()) {
                break;
            }
            if (repeat && System.nanoTime() > deadline) {
                String budget = "The submission used up its time budget of " + config.submissionTimeLimit
                        + " s before every run was done.";
                due.keySet().forEach(job -> job.budget = budget);
                break;
            }
            Checker checker = checker(run, deadline);
            Map<Job, List<Kata>> alone = due;
            if (together) {
                alone = new LinkedHashMap<>();
                // A second joint run, without the lessons whose own tests timed out, crashed or left threads behind,
                // retries what failed next to them: cheaper than a JVM pair per lesson when many katas fail.
                Map<Job, List<Kata>> pending = due;
                for (int round = 1; !pending.isEmpty(); round++) {
                    boolean last = repeat || round == 2;
                    if (round > 1 && pending.size() < 2) {
                        alone.putAll(pending);
                        break;
                    }
                    List<Checker.Share> shares = pending.entrySet().stream()
                            .map(entry -> new Checker.Share(entry.getKey().compiled, entry.getValue())).toList();
                    RunResult joint = checker.runTogether(shares, repeat);
                    boolean intact = joint != null && !joint.timedOut() && joint.exitCode() == 0;
                    boolean quiet = intact && quiet(joint.outcomes());
                    Map<Job, List<Kata>> next = new LinkedHashMap<>();
                    for (Map.Entry<Job, List<Kata>> entry : pending.entrySet()) {
                        List<Kata> failed = new ArrayList<>();
                        List<TestOutcome> own = new ArrayList<>();
                        for (Kata kata : entry.getValue()) {
                            KataVerdict verdict = intact ? KataVerdict.of(kata, joint) : null;
                            // A kata solved in the first run that fails a repeat is confirmed alone before it is called racy.
                            boolean solvedFirst = repeat
                                    && entry.getKey().runs.get(kata.id()).get(0).verdict().status() == KataVerdict.Status.SOLVED;
                            if (verdict != null && (verdict.status() == KataVerdict.Status.SOLVED
                                    || quiet && !solvedFirst && verdict.status() == KataVerdict.Status.NOT_SOLVED)) {
                                entry.getKey().runs.get(kata.id()).add(runOf(kata, verdict, joint, repeat));
                            } else {
                                failed.add(kata);
                            }
                            if (joint != null) {
                                kata.tests().forEach(testClass -> own.addAll(joint.of(testClass)));
                            }
                        }
                        if (failed.isEmpty()) {
                            continue;
                        }
                        boolean noisy = !intact || !quiet(own);
                        (last || noisy ? alone : next).put(entry.getKey(), failed);
                    }
                    pending = next;
                }
            }
            for (Map.Entry<Job, List<Kata>> entry : alone.entrySet()) {
                Job job = entry.getKey();
                long start = System.nanoTime();
                runIsolatingBreakage(checker, job.compiled, entry.getValue(), job.runs, job.isolation, repeat);
                job.testSeconds += (System.nanoTime() - start) / 1e9;
            }
        }
        // What the joint runs cost is shared by the lessons in them; what a lesson needed alone is its own.
        double elapsed = (System.nanoTime() - testStart) / 1e9;
        double own = jobs.stream().mapToDouble(job -> job.testSeconds).sum();
        double shared = Math.max(0, elapsed - own) / jobs.size();
        for (Job job : jobs) {
            Map<String, GradeReport.Kata> results = new LinkedHashMap<>();
            job.lesson.katas().stream().filter(kata -> !job.edited.contains(kata))
                    .forEach(kata -> results.put(kata.id(), kataOf(kata, GradeReport.Status.NOT_STARTED, null)));
            for (Kata kata : job.edited) {
                results.put(kata.id(), judge(job.lesson, kata, job.runs.get(kata.id()), job.budget));
            }
            job.graded = new Graded(lessonOf(job.lesson, results, job.budget), job.compileSeconds, job.testSeconds + shared);
        }
    }

    /**
     * Whether none of these outcomes failed in a way that another lesson's code could have caused, or
     * that could disturb another lesson: only the tests' own checks failed, none ran out of time,
     * crashed, or left threads running.
     */
    private static boolean quiet(List<TestOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.status() != TestOutcome.Status.PASSED).allMatch(o ->
                o.status() == TestOutcome.Status.FAILED && o.assertion()
                        && !o.summary().startsWith(TEST_TIMED_OUT) && !o.summary().contains("still running"));
    }

    /** Whether a test explores schedules or interleavings itself (one run of it is the evidence). */
    private static boolean exploring(TestOutcome outcome) {
        return outcome.tags().stream().anyMatch(Checker.EXPLORING_TAGS::contains);
    }

    /**
     * {@code kata} narrowed to its test classes that a repeated run runs: those with a test that does not
     * explore schedules itself, as the first run reported them; {@code null} when there is none.
     */
    private static Kata repeatable(Kata kata, KataRun first) {
        List<String> classes = kata.tests().stream()
                .filter(testClass -> first.run() != null && first.run().of(testClass).stream().anyMatch(o -> !exploring(o)))
                .toList();
        return classes.isEmpty() ? null
                : new Kata(kata.id(), kata.task(), kata.title(), kata.file(), classes, kata.hints(), kata.wrong(), kata.points());
    }

    private Checker checker(int run, long deadline) {
        return new Checker(session.course(), session.toolchain(run), session.work(), null, session.checkOptions(deadline));
    }

    /**
     * Runs {@code katas} in one JVM pair (plain, Fray; or one plain JVM for a {@code repeat}); if the run
     * broke, runs each kata alone instead, and then each test class that still reported nothing alone:
     * what ends a JVM costs only the tests it broke.
     */
    private void runIsolatingBreakage(Checker checker, Checker.Compiled compiled, List<Kata> katas,
            Map<String, List<KataRun>> runs, Map<String, Integer> isolation, boolean repeat) {
        // A kata that broke an earlier run goes straight to the isolation it needed then (1: alone, 2: class by class).
        List<Kata> together = katas.stream().filter(kata -> isolation.getOrDefault(kata.id(), 0) == 0).toList();
        List<Kata> alone = new ArrayList<>(katas.stream().filter(kata -> isolation.getOrDefault(kata.id(), 0) > 0).toList());
        if (!together.isEmpty()) {
            LessonCheck joint = runBoth(checker, compiled, together, repeat);
            if (!broken(joint, together)) {
                together.forEach(kata -> runs.get(kata.id()).add(runOf(kata, joint, repeat)));
            } else if (together.size() == 1) {
                Kata kata = together.get(0);
                isolation.put(kata.id(), 1);
                KataRun run = classByClass(checker, compiled, kata, runOf(kata, joint, repeat), isolation, repeat);
                runs.get(kata.id()).add(run);
            } else {
                together.forEach(kata -> isolation.put(kata.id(), 1));
                alone.addAll(together);
            }
        }
        for (Kata kata : katas) {
            if (!alone.contains(kata)) {
                continue;
            }
            KataRun run = isolation.get(kata.id()) == 2 ? classByClass(checker, compiled, kata, null, isolation, repeat)
                    : classByClass(checker, compiled, kata, runOf(kata, runBoth(checker, compiled, List.of(kata), repeat), repeat),
                            isolation, repeat);
            runs.get(kata.id()).add(run);
        }
    }

    /**
     * A broken run of a kata completed by running each of its test classes that reported nothing on its own
     * ({@code run} {@code null}: every class on its own, as an earlier run needed).
     */
    private static KataRun classByClass(Checker checker, Checker.Compiled compiled, Kata kata, KataRun run,
            Map<String, Integer> isolation, boolean repeat) {
        List<String> silent = run == null ? kata.tests()
                : kata.tests().stream().filter(testClass -> run.run().of(testClass).isEmpty()).toList();
        if (run != null && (kata.tests().size() < 2 || silent.isEmpty())) {
            return run;
        }
        isolation.put(kata.id(), 2);
        RunResult merged = null;
        for (String testClass : silent) {
            Kata oneClass = new Kata(kata.id(), kata.task(), kata.title(), kata.file(), List.of(testClass), List.of(),
                    List.of(), kata.points());
            RunResult one = runBoth(checker, compiled, List.of(oneClass), repeat).run();
            merged = merged == null ? one : merged.and(one);
        }
        RunResult all = run == null ? merged : run.run().and(merged);
        List<TestOutcome> outcomes = kata.tests().stream().flatMap(testClass -> all.of(testClass).stream()).toList();
        return new KataRun(KataVerdict.of(kata, all), outcomes, all, repeat);
    }

    private static LessonCheck runBoth(Checker checker, Checker.Compiled compiled, List<Kata> katas, boolean repeat) {
        if (repeat) {
            return checker.runRepeatable(compiled, katas);
        }
        LessonCheck plain = checker.runPlain(compiled, katas);
        return checker.runFray(compiled, katas, plain);
    }

    private static boolean broken(LessonCheck check, List<Kata> katas) {
        RunResult run = check.run();
        if (run == null || run.timedOut() || run.exitCode() != 0) {
            return true;
        }
        return katas.stream().flatMap(kata -> kata.tests().stream()).anyMatch(testClass -> run.of(testClass).isEmpty());
    }

    private static KataRun runOf(Kata kata, LessonCheck check, boolean repeat) {
        return runOf(kata, check.verdict(kata), check.run(), repeat);
    }

    private static KataRun runOf(Kata kata, KataVerdict verdict, RunResult run, boolean repeat) {
        List<TestOutcome> outcomes = kata.tests().stream().flatMap(testClass -> run.of(testClass).stream()).toList();
        return new KataRun(verdict, outcomes, run, repeat);
    }

    /** Whether a run of a kata ended before reporting every test: its JVM timed out, exited or died. */
    private static boolean incomplete(KataRun run) {
        return run.run() == null || run.run().timedOut() || run.run().exitCode() != 0
                || run.verdict().problem() != null && run.verdict().problem().startsWith("no result from");
    }

    private static boolean anyPassed(KataRun run) {
        return run.outcomes().stream().anyMatch(o -> o.status() == TestOutcome.Status.PASSED);
    }

    /** The kata's grade from its runs: credit for each test that passed on every run. */
    private GradeReport.Kata judge(Lesson lesson, Kata kata, List<KataRun> runs, String budget) {
        // Every test the kata has counts, also those a run never reached (the JVM was ended during an earlier one):
        // when a run did not end cleanly, a run of the starter says which tests there are.
        Set<String> keys = new LinkedHashSet<>();
        if (runs.stream().anyMatch(Grader::incomplete)) {
            keys.addAll(reference(lesson).tests().getOrDefault(kata.id(), Set.of()));
        }
        runs.forEach(run -> run.outcomes().forEach(o -> keys.add(keyOf(o))));
        Set<String> exploring = new java.util.HashSet<>();
        runs.forEach(run -> run.outcomes().stream().filter(Grader::exploring).forEach(o -> exploring.add(keyOf(o))));
        Set<String> stress = new java.util.HashSet<>();
        runs.forEach(run -> run.outcomes().stream().filter(o -> o.tags().contains(Checker.STRESS_TAG))
                .forEach(o -> stress.add(keyOf(o))));
        List<GradeReport.Test> tests = new ArrayList<>();
        int creditable = 0;
        int credited = 0;
        for (String key : keys) {
            int passedRuns = 0;
            int testRuns = 0;
            String message = null;
            for (KataRun run : runs) {
                if (run.repeat() && exploring.contains(key)) {
                    continue; // explored its schedules in the first run; repeated runs leave it out
                }
                testRuns++;
                TestOutcome outcome = run.outcomes().stream().filter(o -> keyOf(o).equals(key)).findFirst().orElse(null);
                if (outcome != null && outcome.status() == TestOutcome.Status.PASSED) {
                    passedRuns++;
                } else if (message == null) {
                    message = outcome == null ? "This test did not run: " + whyNoResult(run.run())
                            : messageOf(outcome);
                }
            }
            boolean passed = passedRuns == testRuns;
            String[] parts = key.split("#", 2);
            boolean wholeClass = parts[1].equals(WHOLE_CLASS);
            if (!wholeClass) {
                creditable++;
                if (passed) {
                    credited++;
                }
            }
            tests.add(new GradeReport.Test(parts[0], parts[1], session.isHidden(parts[0]), passed, testRuns, passedRuns,
                    passed ? null : message, null, stress.contains(key) ? Boolean.TRUE : null));
        }
        int passedRuns = (int) runs.stream().filter(run -> run.verdict().status() == KataVerdict.Status.SOLVED).count();
        double points = points(kata);
        // A kata whose tests all explore schedules themselves is done in one run.
        int runsNeeded = repeatable(kata, runs.get(0)) == null ? 1 : config.runs;
        boolean everyRun = runs.size() >= runsNeeded;
        GradeReport.Status status;
        String reason;
        KataVerdict first = runs.get(0).verdict();
        if (passedRuns == runs.size() && creditable > 0 && credited == creditable && everyRun) {
            status = GradeReport.Status.SOLVED;
            reason = null;
        } else if (passedRuns == runs.size() && everyRun) {
            status = GradeReport.Status.ERROR;
            reason = "Some of its tests never reported a result (" + (creditable - credited) + " of " + creditable
                    + "): the test JVM may have been ended while they ran.";
        } else if (passedRuns == runs.size() && !everyRun) {
            status = GradeReport.Status.ERROR;
            reason = (budget == null ? "" : budget + " ") + "It passed the " + runs.size() + " run(s) it had, of the " + runsNeeded
                    + " it needs for credit.";
        } else if (first.status() == KataVerdict.Status.SOLVED) {
            status = GradeReport.Status.RACY;
            reason = unevenRuns(runs, this::reasonOf);
        } else if (first.status() == KataVerdict.Status.NOT_SOLVED) {
            status = GradeReport.Status.FAILED;
            reason = reasonOf(runs.get(0));
        } else {
            status = GradeReport.Status.ERROR;
            reason = reasonOf(runs.get(0));
        }
        double score = status == GradeReport.Status.SOLVED ? points : 0;
        if (status != GradeReport.Status.SOLVED && config.partialCredit && credited > 0) {
            Set<String> asHandedOut = reference(lesson).passing();
            tests = tests.stream().map(test -> test.withPassesAsHandedOut(asHandedOut.contains(test.testClass() + "#" + test.name())))
                    .toList();
            score = points * progress(tests);
        }
        return new GradeReport.Kata(kata.id(), kata.task(), kata.title(), status, round(score), round(points), runs.size(),
                passedRuns, reason, tests);
    }

    /**
     * The share of its points a kata not solved earns: its progress from the starter as handed out. A test
     * the starter passes too earns nothing of its own, and each such test the code now fails takes back one
     * that it newly passes; a stress test earns nothing either way (a pass can be luck, and a failure is the
     * race its kata's exploring test reports). Never below 0; 0 when no test is left to earn credit.
     */
    static double progress(List<GradeReport.Test> tests) {
        int gained = 0;
        int broken = 0;
        int scored = 0;
        for (GradeReport.Test test : tests) {
            if (test.name().equals(WHOLE_CLASS) || Boolean.TRUE.equals(test.stressTest())) {
                continue;
            }
            if (Boolean.TRUE.equals(test.passesAsHandedOut())) {
                broken += test.passed() ? 0 : 1;
            } else {
                scored++;
                gained += test.passed() ? 1 : 0;
            }
        }
        return scored == 0 ? 0 : (double) Math.max(0, gained - broken) / scored;
    }

    /**
     * Why a kata that passed some runs did not pass them all, worded from what the failing runs show: a
     * deadlock in some schedules, a check that passed in one run and failed in another (a race, or tests
     * that depend on their order), a run cut off by a timeout with no deadlock found (a missed signal, or a
     * machine too loaded to finish in time: the two look alike from here), or an error.
     */
    static String unevenRuns(List<KataRun> runs, java.util.function.Function<KataRun, String> reasonOf) {
        List<KataRun> failing = runs.stream().filter(run -> run.verdict().status() != KataVerdict.Status.SOLVED).toList();
        String passed = "Passed " + (runs.size() - failing.size()) + "/" + runs.size() + " runs";
        KataRun deadlocked = failing.stream().filter(Grader::deadlocked).findFirst().orElse(null);
        if (deadlocked != null) {
            return passed + ": in " + some(failing, Grader::deadlocked, runs.size()) + " your threads deadlocked, in the"
                    + " others they did not. Whether a deadlock happens depends on the schedule, so this is a real bug even"
                    + " if it is rare: take the locks in one order everywhere. The failing run said: " + reasonOf.apply(deadlocked);
        }
        KataRun checkFailed = failing.stream().filter(run -> !outOfTime(run)
                && run.verdict().status() == KataVerdict.Status.NOT_SOLVED).findFirst().orElse(null);
        if (checkFailed != null) {
            return passed + ": a check of the tests passed in one run and failed in another, so your solution has a race"
                    + " (or depends on the order the tests run in, which changes from run to run). The failing run said: "
                    + reasonOf.apply(checkFailed);
        }
        KataRun late = failing.stream().filter(Grader::outOfTime).findFirst().orElse(null);
        if (late != null) {
            return passed + ": in " + some(failing, Grader::outOfTime, runs.size()) + " a test did not finish in time and"
                    + " was stopped, with no deadlock found. Either your code sometimes waits"
                    + " for something that does not come (a missed signal, a thread that is never released), or the"
                    + " machine was too busy to finish in time: from here the two look alike, and your instructor can grade"
                    + " again with a longer --test-timeout to tell them apart. The failing run said: " + reasonOf.apply(late);
        }
        return passed + ": in " + some(failing, run -> true, runs.size()) + " a test failed with an error instead of a"
                + " check, which happens only in some runs (a race that corrupts state, or tests that depend on their"
                + " order). The failing run said: " + reasonOf.apply(failing.get(0));
    }

    /** "1 run" / "2 of the runs": how many of the failing runs show {@code what}. */
    private static String some(List<KataRun> failing, java.util.function.Predicate<KataRun> what, int runs) {
        long count = failing.stream().filter(what).count();
        return count == 1 ? "1 run" : count + " of the " + runs + " runs";
    }

    /** Whether a run shows a deadlock: the test kit's hang report found a cycle, or Fray found a deadlocking schedule. */
    private static boolean deadlocked(KataRun run) {
        return run.verdict().failures().stream().anyMatch(o -> o.summary().contains("Deadlock: "));
    }

    /** Whether a run was cut off by a timeout: its JVM's time limit, or a test's own timeout (the kit's hang report). */
    private static boolean outOfTime(KataRun run) {
        return run.run().timedOut() || run.verdict().failures().stream().anyMatch(o ->
                (o.failureType() != null && o.failureType().endsWith("TimeoutException"))
                        || o.summary().startsWith(TEST_TIMED_OUT));
    }

    /** What went wrong in a run of a kata, for the student, in a few lines; a hidden test's message is never shown. */
    private String reasonOf(KataRun run) {
        KataVerdict verdict = run.verdict();
        List<TestOutcome> shown = verdict.failures().stream().filter(o -> !session.isHidden(o.className())).toList();
        if (shown.isEmpty() && !verdict.failures().isEmpty() && !run.run().timedOut()) {
            return "Your code fails " + verdict.failures().size() + " of the instructor's hidden test(s); their messages are"
                    + " not shown. Look for cases the visible tests do not try.";
        }
        verdict = new KataVerdict(verdict.kata(), verdict.status(), verdict.passed(), verdict.failed(), shown,
                hiddenProblem(verdict) ? "a test failed with an error (in one of the instructor's hidden tests)" : verdict.problem());
        if (verdict.status() == KataVerdict.Status.ERROR) {
            if (run.run().timedOut()) {
                return "The tests did not finish within " + run.run().elapsed().toSeconds() + " s and were stopped (every"
                        + " process they started was killed): an endless loop, or threads that wait forever?"
                        + firstFailure(verdict);
            }
            if (verdict.problem() != null && verdict.problem().startsWith("no result from")) {
                return "Some tests gave no result: " + whyNoResult(run.run()) + firstFailure(verdict);
            }
            TestOutcome crash = verdict.failures().stream().filter(o -> !o.assertion()).findFirst().orElse(null);
            if (crash != null && crash.failureType() != null && crash.failureType().endsWith("OutOfMemoryError")) {
                return "The test '" + crash.testName() + "' ran out of memory (" + crash.summary() + "): the tests run with a"
                        + " capped heap, so unbounded growth ends here.";
            }
            return clip(verdict.problem());
        }
        return verdict.failures().isEmpty() ? "" : "'" + verdict.failures().get(0).testName() + "': "
                + messageOf(verdict.failures().get(0));
    }

    /** Whether the core's problem text names a hidden test. */
    private boolean hiddenProblem(KataVerdict verdict) {
        return verdict.problem() != null && verdict.failures().stream()
                .anyMatch(o -> session.isHidden(o.className()) && verdict.problem().contains("'" + o.testName() + "'"));
    }

    private static String firstFailure(KataVerdict verdict) {
        return verdict.failures().isEmpty() ? ""
                : " The first failure: '" + verdict.failures().get(0).testName() + "': " + messageOf(verdict.failures().get(0));
    }

    /** Why a test JVM gave no result for some tests, from how it ended. */
    static String whyNoResult(RunResult run) {
        if (run.timedOut()) {
            return "the test JVM was stopped at its time limit of " + run.elapsed().toSeconds() + " s.";
        }
        int code = run.exitCode();
        if (run.output() != null && run.output().contains("java.lang.OutOfMemoryError")) {
            return "the test JVM ran out of memory (exit code " + code + "): the tests run with a capped heap, so"
                    + " unbounded growth ends here.";
        }
        String cause = switch (code) {
            case 0 -> "the code ended it early with System.exit(0) or Runtime.halt(0)";
            case 137 -> "it was killed (out of memory for the whole process?)";
            case 134 -> "it crashed";
            default -> "the code ended it early, with System.exit(" + code + ")?";
        };
        return "the test JVM ended before the tests finished (exit code " + code + "): " + cause + ".";
    }

    private static String messageOf(TestOutcome outcome) {
        return clip(outcome.summary());
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT) + " [...]";
    }

    private static String keyOf(TestOutcome outcome) {
        return outcome.className() + "#" + outcome.testName();
    }

    /**
     * What a run of the pristine starter shows, once per lesson and session, and only when needed: the
     * first time a lesson needs it, the starters of every lesson run, together.
     *
     * @param tests the tests each kata has: they count also when a broken run of a submission never reached them
     * @param passing the tests the starter as handed out passes: partial credit is for progress beyond them
     */
    private record Reference(Map<String, Set<String>> tests, Set<String> passing) {
    }

    private Reference reference(Lesson lesson) {
        if (!references.containsKey(lesson.id())) {
            // The first lesson that needs the starter's run asks for every lesson's: when one unsolved kata needs it,
            // others soon will, and the lessons share one JVM pair, as a submission's lessons do.
            Map<Lesson, CompletableFuture<Reference>> mine = new LinkedHashMap<>();
            for (Lesson each : session.gradedLessons()) {
                CompletableFuture<Reference> future = new CompletableFuture<>();
                if (!each.katas().isEmpty() && references.putIfAbsent(each.id(), future) == null) {
                    mine.put(each, future);
                }
            }
            runStarters(mine);
        }
        CompletableFuture<Reference> future = references.get(lesson.id());
        return future == null ? new Reference(Map.of(), Set.of()) : future.join();
    }

    /** Runs the pristine starters of these lessons together; a lesson whose tests did not end quietly there runs alone. */
    private void runStarters(Map<Lesson, CompletableFuture<Reference>> lessons) {
        Map<Lesson, Reference> found = new LinkedHashMap<>();
        try {
            Checker checker = checker(1, System.nanoTime() + config.runTimeLimit * 4_000_000_000L);
            if (lessons.size() > 1) {
                List<Checker.Share> shares = lessons.keySet().stream()
                        .map(lesson -> new Checker.Share(checker.compile(lesson, new Code.InLesson(), lesson.katas()), lesson.katas()))
                        .toList();
                RunResult joint = checker.runTogether(shares, false);
                if (joint != null && !joint.timedOut() && joint.exitCode() == 0) {
                    for (Lesson lesson : lessons.keySet()) {
                        List<TestOutcome> own = lesson.katas().stream().flatMap(kata -> kata.tests().stream())
                                .flatMap(testClass -> joint.of(testClass).stream()).toList();
                        if (!own.isEmpty() && quiet(own)) {
                            found.put(lesson, referenceOf(lesson, joint));
                        }
                    }
                }
                shares.forEach(share -> checker.discard(share.compiled()));
            }
            for (Lesson lesson : lessons.keySet()) {
                if (!found.containsKey(lesson)) {
                    LessonCheck check = checker.check(lesson, new Code.InLesson(), lesson.katas());
                    if (check.run() != null) {
                        found.put(lesson, referenceOf(lesson, check.run()));
                    }
                }
            }
        } finally {
            lessons.forEach((lesson, future) -> future.complete(found.getOrDefault(lesson, new Reference(Map.of(), Set.of()))));
        }
    }

    private static Reference referenceOf(Lesson lesson, RunResult run) {
        Map<String, Set<String>> tests = new TreeMap<>();
        Set<String> passing = new java.util.HashSet<>();
        for (Kata kata : lesson.katas()) {
            Set<String> keys = new LinkedHashSet<>();
            kata.tests().forEach(testClass -> run.of(testClass).stream()
                    .filter(o -> !o.testName().equals(WHOLE_CLASS)).forEach(o -> {
                        keys.add(keyOf(o));
                        if (o.status() == TestOutcome.Status.PASSED) {
                            passing.add(keyOf(o));
                        }
                    }));
            tests.put(kata.id(), keys);
        }
        return new Reference(tests, passing);
    }

    private double points(Kata kata) {
        return kata.points() == null ? Kata.DEFAULT_POINTS : kata.points();
    }

    private GradeReport.Kata kataOf(Kata kata, GradeReport.Status status, String reason) {
        String why = reason != null ? reason
                : status == GradeReport.Status.NOT_STARTED ? "The file is the starter as handed out, so its tests were not run."
                : null;
        return new GradeReport.Kata(kata.id(), kata.task(), kata.title(), status, 0, round(points(kata)), 0, 0, why, List.of());
    }

    private GradeReport.Lesson allOf(Lesson lesson, List<Kata> katas, GradeReport.Status status, String reason) {
        Map<String, GradeReport.Kata> results = new LinkedHashMap<>();
        katas.forEach(kata -> results.put(kata.id(), kataOf(kata, status, reason)));
        return lessonOf(lesson, results, status == GradeReport.Status.ERROR ? reason : null);
    }

    private static GradeReport.Lesson lessonOf(Lesson lesson, Map<String, GradeReport.Kata> byId, String problem) {
        List<GradeReport.Kata> katas = lesson.katas().stream().map(kata -> byId.get(kata.id())).toList();
        return new GradeReport.Lesson(lesson.id(), lesson.title(), round(katas.stream().mapToDouble(GradeReport.Kata::score).sum()),
                round(katas.stream().mapToDouble(GradeReport.Kata::maxScore).sum()), problem, katas);
    }

    /** The submitted kata files, written where the check reads them (only the student's own code). */
    private Map<String, Path> writeSources(Lesson lesson, List<Kata> edited, Map<String, byte[]> files, String key) {
        Path folder = session.work().resolve("submitted").resolve(key + "-" + sourceFolders.incrementAndGet());
        Map<String, Path> sources = new TreeMap<>();
        try {
            for (Kata kata : edited) {
                Path file = folder.resolve(kata.file());
                Files.createDirectories(file.getParent());
                Files.write(file, files.get(kata.file()));
                sources.put(kata.file(), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the submitted files of " + lesson.id(), e);
        }
        return sources;
    }

    private String keyOf(Lesson lesson, List<Kata> edited, Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((lesson.id() + "|" + session.fingerprint()).getBytes(StandardCharsets.UTF_8));
            for (Kata kata : edited) {
                digest.update(kata.file().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(files.get(kata.file()));
                digest.update((byte) 0);
            }
            return lesson.id() + "-" + HexFormat.of().formatHex(digest.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiled classes that are not in {@code packageName}: a submission may not add classes elsewhere. */
    static List<String> classesOutsidePackage(Path classes, String packageName) {
        String folder = packageName.replace('.', '/');
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = classes.relativize(file).toString().replace('\\', '/');
                String parent = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
                if (!parent.equals(folder)) {
                    foreign.add(relative.replaceAll("\\.class$", "").replace('/', '.'));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return foreign.stream().sorted().limit(10).toList();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
