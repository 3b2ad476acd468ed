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
    private final Map<String, CompletableFuture<Map<String, Set<String>>>> referenceTests = new ConcurrentHashMap<>();
    private final AtomicInteger sourceFolders = new AtomicInteger();

    /** A lesson graded, with what it cost. */
    private record Graded(GradeReport.Lesson lesson, double compileSeconds, double testSeconds) {
    }

    /** One run of one kata: its verdict and the outcomes of its test classes. */
    record KataRun(KataVerdict verdict, List<TestOutcome> outcomes, RunResult run) {
    }

    public Grader(GradingSession session) {
        this.session = session;
        this.config = session.config();
    }

    /** Grades one submission; it never throws for anything the submission does. */
    public GradeReport.Student grade(Submission submission) {
        long started = System.nanoTime();
        long deadline = started + config.submissionTimeLimit * 1_000_000_000L;
        List<GradeReport.Lesson> lessons = new ArrayList<>();
        double compile = 0;
        double test = 0;
        int cached = 0;
        int skipped = 0;
        for (Lesson lesson : session.gradedLessons()) {
            if (submission.problem() != null) {
                lessons.add(allOf(lesson, lesson.katas(), GradeReport.Status.ERROR, submission.problem()));
                continue;
            }
            Map<String, byte[]> files = submission.files().getOrDefault(lesson.id(), Map.of());
            List<Kata> edited = lesson.katas().stream()
                    .filter(kata -> files.containsKey(kata.file())
                            && !Arrays.equals(files.get(kata.file()), session.starter(lesson, kata)))
                    .toList();
            if (edited.isEmpty()) {
                lessons.add(allOf(lesson, lesson.katas(), GradeReport.Status.NOT_STARTED, null));
                skipped++;
                continue;
            }
            if (System.nanoTime() > deadline) {
                lessons.add(allOf(lesson, lesson.katas(), GradeReport.Status.ERROR, "The submission used up its time budget of "
                        + config.submissionTimeLimit + " s before this lesson was graded."));
                continue;
            }
            String key = keyOf(lesson, edited, files);
            CompletableFuture<Graded> mine = new CompletableFuture<>();
            CompletableFuture<Graded> earlier = config.cache ? cache.putIfAbsent(key, mine) : null;
            if (earlier != null) {
                lessons.add(earlier.join().lesson());
                cached++;
                continue;
            }
            Graded graded;
            try {
                graded = gradeLesson(lesson, edited, files, key, deadline);
            } catch (RuntimeException e) {
                // The grader's own failure (a full disk, say): this lesson is not graded, the others are.
                graded = new Graded(allOf(lesson, lesson.katas(), GradeReport.Status.ERROR,
                        "The grader could not grade this lesson (" + e + "); ask your instructor to grade it again."), 0, 0);
                cache.remove(key);
            }
            mine.complete(graded);
            if (graded.lesson().problem() != null && graded.lesson().problem().contains("time budget")) {
                cache.remove(key, mine); // a result cut short by this submission's budget is not the code's verdict
            }
            lessons.add(graded.lesson());
            compile += graded.compileSeconds();
            test += graded.testSeconds();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double score = round(lessons.stream().mapToDouble(GradeReport.Lesson::score).sum());
        double max = round(lessons.stream().mapToDouble(GradeReport.Lesson::maxScore).sum());
        GradeReport.Cost cost = new GradeReport.Cost(round(compile), round(test), round(Math.max(0, seconds - compile - test)),
                cached, skipped);
        return new GradeReport.Student(submission.student(), submission.source(), score, max, round(seconds), cost,
                submission.problem(), submission.intake(), lessons);
    }

    private Graded gradeLesson(Lesson lesson, List<Kata> edited, Map<String, byte[]> files, String key, long deadline) {
        List<Kata> notStarted = lesson.katas().stream().filter(kata -> !edited.contains(kata)).toList();
        Code code = new Code.Overlay("your code", writeSources(lesson, edited, files, key));
        Checker first = checker(1, deadline);
        long compileStart = System.nanoTime();
        Checker.Compiled compiled = first.compile(lesson, code, edited);
        double compileSeconds = (System.nanoTime() - compileStart) / 1e9;
        Map<String, GradeReport.Kata> results = new LinkedHashMap<>();
        notStarted.forEach(kata -> results.put(kata.id(), kataOf(kata, GradeReport.Status.NOT_STARTED, null)));
        try {
            if (!compiled.succeeded() && edited.size() > 1) {
                // One kata's file may break the lesson: grade each edited kata alone, with the others as handed out.
                double compileSeconds2 = compileSeconds;
                double testSeconds = 0;
                for (Kata kata : edited) {
                    Graded alone = gradeLesson(lesson, List.of(kata), files, key + "-" + kata.id(), deadline);
                    results.put(kata.id(), alone.lesson().katas().stream().filter(k -> k.kata().equals(kata.id()))
                            .findFirst().orElseThrow());
                    compileSeconds2 += alone.compileSeconds();
                    testSeconds += alone.testSeconds();
                }
                return new Graded(lessonOf(lesson, results, null), compileSeconds2, testSeconds);
            }
            if (!compiled.succeeded()) {
                String errors = compiled.failed().verdicts().get(0).problem();
                edited.forEach(kata -> results.put(kata.id(), kataOf(kata, GradeReport.Status.ERROR,
                        "It does not compile, so none of this lesson's edited katas could be tested. " + errors)));
                return new Graded(lessonOf(lesson, results, "does not compile"), compileSeconds, 0);
            }
            List<String> foreign = classesOutsidePackage(compiled.workDir().resolve("classes"), lesson.packageName());
            if (!foreign.isEmpty()) {
                String problem = "Your files declare classes outside the lesson's package " + lesson.packageName() + " ("
                        + String.join(", ", foreign) + "). Such classes could take the place of the tests' or the test"
                        + " kit's own, so this lesson was not run: keep every class in package " + lesson.packageName() + ".";
                edited.forEach(kata -> results.put(kata.id(), kataOf(kata, GradeReport.Status.ERROR, problem)));
                return new Graded(lessonOf(lesson, results, problem), compileSeconds, 0);
            }
            long testStart = System.nanoTime();
            Map<Kata, List<KataRun>> runs = new LinkedHashMap<>();
            edited.forEach(kata -> runs.put(kata, new ArrayList<>()));
            Map<Kata, Integer> isolation = new java.util.HashMap<>();
            runIsolatingBreakage(first, compiled, edited, runs, isolation);
            String budget = null;
            for (int run = 2; run <= config.runs; run++) {
                List<Kata> again = edited.stream().filter(kata -> anyPassed(runs.get(kata).get(0))).toList();
                if (again.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    budget = "The submission used up its time budget of " + config.submissionTimeLimit
                            + " s before every run was done.";
                    break;
                }
                runIsolatingBreakage(checker(run, deadline), compiled, again, runs, isolation);
            }
            double testSeconds = (System.nanoTime() - testStart) / 1e9;
            for (Kata kata : edited) {
                results.put(kata.id(), judge(lesson, kata, runs.get(kata), budget));
            }
            return new Graded(lessonOf(lesson, results, budget), compileSeconds, testSeconds);
        } finally {
            first.discard(compiled);
        }
    }

    private Checker checker(int run, long deadline) {
        return new Checker(session.course(), session.toolchain(run), session.work(), null, session.checkOptions(deadline));
    }

    /**
     * Runs {@code katas} in one JVM pair (plain, Fray); if the run broke, runs each kata alone instead, and
     * then each test class that still reported nothing alone: what ends a JVM costs only the tests it broke.
     */
    private void runIsolatingBreakage(Checker checker, Checker.Compiled compiled, List<Kata> katas,
            Map<Kata, List<KataRun>> runs, Map<Kata, Integer> isolation) {
        // A kata that broke an earlier run goes straight to the isolation it needed then (1: alone, 2: class by class).
        List<Kata> together = katas.stream().filter(kata -> isolation.getOrDefault(kata, 0) == 0).toList();
        List<Kata> alone = new ArrayList<>(katas.stream().filter(kata -> isolation.getOrDefault(kata, 0) > 0).toList());
        if (!together.isEmpty()) {
            LessonCheck joint = runBoth(checker, compiled, together);
            if (!broken(joint, together)) {
                together.forEach(kata -> runs.get(kata).add(runOf(kata, joint)));
            } else if (together.size() == 1) {
                Kata kata = together.get(0);
                isolation.put(kata, 1);
                KataRun run = classByClass(checker, compiled, kata, runOf(kata, joint), isolation);
                runs.get(kata).add(run);
            } else {
                together.forEach(kata -> isolation.put(kata, 1));
                alone.addAll(together);
            }
        }
        for (Kata kata : katas) {
            if (!alone.contains(kata)) {
                continue;
            }
            KataRun run = isolation.get(kata) == 2 ? classByClass(checker, compiled, kata, null, isolation)
                    : classByClass(checker, compiled, kata, runOf(kata, runBoth(checker, compiled, List.of(kata))), isolation);
            runs.get(kata).add(run);
        }
    }

    /**
     * A broken run of a kata completed by running each of its test classes that reported nothing on its own
     * ({@code run} {@code null}: every class on its own, as an earlier run needed).
     */
    private static KataRun classByClass(Checker checker, Checker.Compiled compiled, Kata kata, KataRun run,
            Map<Kata, Integer> isolation) {
        List<String> silent = run == null ? kata.tests()
                : kata.tests().stream().filter(testClass -> run.run().of(testClass).isEmpty()).toList();
        if (run != null && (kata.tests().size() < 2 || silent.isEmpty())) {
            return run;
        }
        isolation.put(kata, 2);
        RunResult merged = null;
        for (String testClass : silent) {
            Kata oneClass = new Kata(kata.id(), kata.task(), kata.title(), kata.file(), List.of(testClass), List.of(),
                    List.of(), kata.points());
            RunResult one = runBoth(checker, compiled, List.of(oneClass)).run();
            merged = merged == null ? one : merged.and(one);
        }
        RunResult all = run == null ? merged : run.run().and(merged);
        List<TestOutcome> outcomes = kata.tests().stream().flatMap(testClass -> all.of(testClass).stream()).toList();
        return new KataRun(KataVerdict.of(kata, all), outcomes, all);
    }

    private static LessonCheck runBoth(Checker checker, Checker.Compiled compiled, List<Kata> katas) {
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

    private static KataRun runOf(Kata kata, LessonCheck check) {
        List<TestOutcome> outcomes = kata.tests().stream().flatMap(testClass -> check.run().of(testClass).stream()).toList();
        return new KataRun(check.verdict(kata), outcomes, check.run());
    }

    private static boolean anyPassed(KataRun run) {
        return run.outcomes().stream().anyMatch(o -> o.status() == TestOutcome.Status.PASSED);
    }

    /** The kata's grade from its runs: credit for each test that passed on every run. */
    private GradeReport.Kata judge(Lesson lesson, Kata kata, List<KataRun> runs, String budget) {
        // Every test the kata has counts, also those a run never reached (the JVM was ended during an earlier one).
        Set<String> keys = new LinkedHashSet<>(referenceTests(lesson).getOrDefault(kata.id(), Set.of()));
        runs.forEach(run -> run.outcomes().forEach(o -> keys.add(keyOf(o))));
        List<GradeReport.Test> tests = new ArrayList<>();
        int creditable = 0;
        int credited = 0;
        for (String key : keys) {
            int passedRuns = 0;
            String message = null;
            for (KataRun run : runs) {
                TestOutcome outcome = run.outcomes().stream().filter(o -> keyOf(o).equals(key)).findFirst().orElse(null);
                if (outcome != null && outcome.status() == TestOutcome.Status.PASSED) {
                    passedRuns++;
                } else if (message == null) {
                    message = outcome == null ? "This test did not run: " + whyNoResult(run.run())
                            : messageOf(outcome);
                }
            }
            boolean passed = passedRuns == runs.size();
            String[] parts = key.split("#", 2);
            boolean wholeClass = parts[1].equals(WHOLE_CLASS);
            if (!wholeClass) {
                creditable++;
                if (passed) {
                    credited++;
                }
            }
            tests.add(new GradeReport.Test(parts[0], parts[1], session.isHidden(parts[0]), passed, runs.size(), passedRuns,
                    passed ? null : message));
        }
        int passedRuns = (int) runs.stream().filter(run -> run.verdict().status() == KataVerdict.Status.SOLVED).count();
        double points = points(kata);
        boolean everyRun = runs.size() == config.runs;
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
            reason = (budget == null ? "" : budget + " ") + "It passed the " + runs.size() + " run(s) it had, of the " + config.runs
                    + " every kata needs for credit.";
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
        double score = status == GradeReport.Status.SOLVED ? points
                : config.partialCredit && creditable > 0 ? points * credited / creditable : 0;
        return new GradeReport.Kata(kata.id(), kata.task(), kata.title(), status, round(score), round(points), runs.size(),
                passedRuns, reason, tests);
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
     * The tests each kata of the lesson has, as a run of the pristine starter reports them: needed only
     * when a submission's run did not report every test, so that the tests it never reached still count.
     */
    private Map<String, Set<String>> referenceTests(Lesson lesson) {
        CompletableFuture<Map<String, Set<String>>> mine = new CompletableFuture<>();
        CompletableFuture<Map<String, Set<String>>> earlier = referenceTests.putIfAbsent(lesson.id(), mine);
        if (earlier != null) {
            return earlier.join();
        }
        Map<String, Set<String>> tests = new TreeMap<>();
        try {
            Checker checker = checker(1, System.nanoTime() + config.runTimeLimit * 4_000_000_000L);
            LessonCheck check = checker.check(lesson, new Code.InLesson(), lesson.katas());
            if (check.run() != null) {
                for (Kata kata : lesson.katas()) {
                    Set<String> keys = new LinkedHashSet<>();
                    kata.tests().forEach(testClass -> check.run().of(testClass).stream()
                            .filter(o -> !o.testName().equals(WHOLE_CLASS)).forEach(o -> keys.add(keyOf(o))));
                    tests.put(kata.id(), keys);
                }
            }
        } finally {
            mine.complete(tests);
        }
        return tests;
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
