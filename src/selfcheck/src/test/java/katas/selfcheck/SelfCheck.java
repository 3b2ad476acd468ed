package katas.selfcheck;

import java.nio.file.Path;
import katas.core.Checker;
import katas.core.Course;
import katas.core.Toolchain;

/** The course, checker and settings the self-check's tests share, read once from the system properties Maven passes. */
final class SelfCheck {

    static final Course COURSE = Course.load(Path.of(System.getProperty("course.root", "../..")));
    /**
     * Runs of each reference solution ({@code -Dselfcheck.repeat}): a correct solution that fails now and then
     * is the failure learners cannot see past, so it runs several times.
     */
    static final int REPEAT = Integer.getInteger("selfcheck.repeat", 3);
    /**
     * Runs of each starter and known-wrong variant ({@code -Dselfcheck.rejections.repeat}). The kit rejects them by
     * deterministic means (Fray's schedules, Lincheck, gates), proven 100 times under load by the kit's experiment,
     * so two runs show a rejection is repeatable at half the cost of the solutions' three.
     */
    static final int REJECTIONS_REPEAT = Integer.getInteger("selfcheck.rejections.repeat", 2);
    static final Checker CHECKER = new Checker(COURSE, Toolchain.fromBuild(Toolchain.currentClasspath()),
            Path.of(System.getProperty("selfcheck.workDir", "target/selfcheck")));

    /**
     * How many checks run at once ({@code -Dselfcheck.parallel}); two on a two-core machine, which
     * also keeps the kata tests under the load they must withstand.
     */
    static final int PARALLEL = Integer.getInteger("selfcheck.parallel", 2);
    static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL,
            Thread.ofPlatform().name("self-check-", 1).daemon().factory());

    /** Lessons to check, e.g. {@code -Dselfcheck.lessons=04-locks,01-threads}; all when empty. */
    static final java.util.List<String> LESSONS = java.util.Arrays.stream(System.getProperty("selfcheck.lessons", "")
            .split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();

    private SelfCheck() {
    }

    static boolean selected(katas.core.Lesson lesson) {
        return LESSONS.isEmpty() || LESSONS.contains(lesson.id());
    }
}
