package katas.selfcheck;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import katas.core.Checker;
import katas.core.Code;
import katas.core.Kata;
import katas.core.KataVerdict;
import katas.core.Lesson;
import katas.core.LessonCheck;
import katas.core.WrongVariant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves, for every kata in the manifest, that its tests judge correctly: they pass on the reference
 * solution, fail on the starter as shipped (on assertions, not on a compile error or a crash), and
 * reject every known-wrong variant. The solution runs {@link SelfCheck#REPEAT} times, the starter and each
 * variant {@link SelfCheck#REJECTIONS_REPEAT} times.
 */
@DisplayName("Every kata")
class EveryKataTest {

    @TestFactory
    @DisplayName("is judged correctly by its tests")
    Stream<DynamicNode> everyLesson() {
        return SelfCheck.COURSE.lessons().stream().filter(SelfCheck::selected).map(EveryKataTest::lesson);
    }

    private static DynamicContainer lesson(Lesson lesson) {
        List<DynamicNode> checks = new ArrayList<>();
        repeat(SelfCheck.REPEAT, run -> checks.add(check("passes on the reference solution (run " + run + ")",
                () -> report(SelfCheck.CHECKER.check(lesson, new Code.Solution(), lesson.katas())),
                check -> solutionPasses(lesson, check))));
        repeat(SelfCheck.REJECTIONS_REPEAT, run -> checks.add(check("fails on the starter as shipped (run " + run + ")",
                () -> report(rejectionCheck(lesson, new Code.InLesson(), lesson.katas())),
                check -> starterFails(lesson, check))));
        for (Kata kata : lesson.katas()) {
            for (WrongVariant variant : kata.wrong()) {
                repeat(SelfCheck.REJECTIONS_REPEAT, run -> checks.add(check(kata.id() + " rejects '" + variant.id() + "' (run " + run + ")",
                        () -> report(rejectionCheck(lesson, new Code.Wrong(variant), List.of(kata))),
                        check -> variantRejected(kata, variant, check))));
            }
        }
        return DynamicContainer.dynamicContainer(lesson.id(), checks);
    }

    /**
     * A dynamic test whose check starts at once on the self-check's pool (so that checks overlap,
     * {@link SelfCheck#PARALLEL} at a time) and whose verdict is judged when the test runs.
     */
    private static DynamicTest check(String name, java.util.concurrent.Callable<LessonCheck> run,
            java.util.function.Consumer<LessonCheck> judge) {
        java.util.concurrent.Future<LessonCheck> result = SelfCheck.POOL.submit(run);
        return DynamicTest.dynamicTest(name, () -> judge.accept(result.get()));
    }

    /**
     * Checks code that must be rejected (a starter, a known-wrong variant) the way watch mode does: the tests that
     * need no Fray first, and Fray's only when those did not already reject every kata. A rejection on plain tests
     * is as final as one on Fray's, and it spares the run Fray's JVM.
     */
    private static LessonCheck rejectionCheck(Lesson lesson, Code code, List<Kata> katas) {
        Checker.Compiled compiled = SelfCheck.CHECKER.compile(lesson, code, katas);
        LessonCheck plain = SelfCheck.CHECKER.runPlain(compiled, katas);
        boolean allRejected = plain.verdicts().stream().allMatch(verdict -> verdict.status() == KataVerdict.Status.NOT_SOLVED);
        return allRejected ? plain : SelfCheck.CHECKER.runFray(compiled, katas, plain);
    }

    private static void repeat(int times, java.util.function.IntConsumer body) {
        IntStream.rangeClosed(1, times).forEach(body);
    }

    private static void solutionPasses(Lesson lesson, LessonCheck check) {
        List<String> problems = new ArrayList<>();
        for (KataVerdict verdict : check.verdicts()) {
            if (verdict.status() != KataVerdict.Status.SOLVED) {
                problems.add(verdict.kata().id() + ": " + describe(verdict));
            }
        }
        if (!problems.isEmpty()) {
            fail("The reference solution of " + lesson.id() + " must pass every kata test, but:%n%s",
                    String.join(System.lineSeparator(), problems));
        }
    }

    private static void starterFails(Lesson lesson, LessonCheck check) {
        List<String> problems = new ArrayList<>();
        for (KataVerdict verdict : check.verdicts()) {
            switch (verdict.status()) {
                case NOT_SOLVED -> { }
                case SOLVED -> problems.add(verdict.kata().id()
                        + ": its tests PASS on the starter; a kata that passes unsolved teaches nothing"
                        + " (or is a solution checked into lessons/?)");
                case ERROR -> problems.add(verdict.kata().id()
                        + ": the starter must fail on kata assertions, but " + verdict.problem());
            }
        }
        if (!problems.isEmpty()) {
            fail("The starter of " + lesson.id() + " must fail every kata on its assertions, but:%n%s",
                    String.join(System.lineSeparator(), problems));
        }
    }

    private static void variantRejected(Kata kata, WrongVariant variant, LessonCheck check) {
        KataVerdict verdict = check.verdict(kata);
        switch (verdict.status()) {
            case NOT_SOLVED -> { }
            case SOLVED -> fail("Wrong variant '%s' of %s (%s) PASSES the kata's tests: they must catch this mistake.",
                    variant.id(), kata.id(), variant.mistake());
            case ERROR -> fail("Wrong variant '%s' of %s must fail on the kata's assertions, but %s",
                    variant.id(), kata.id(), verdict.problem());
        }
    }

    /** One line per check on the console, so a maintainer sees what ran, how it ended and how long it took. */
    private static LessonCheck report(LessonCheck check) {
        String seconds = check.run() == null ? "-" : String.format("%.1f s", check.run().elapsed().toMillis() / 1000.0);
        for (KataVerdict verdict : check.verdicts()) {
            String first = verdict.failures().isEmpty() ? (verdict.problem() == null ? "" : verdict.problem())
                    : verdict.failures().get(0).summary();
            first = first.lines().findFirst().orElse("");
            System.out.printf("[self-check] %-10s %-22s %-32s %-10s %s  %s%n", check.lesson().id(), verdict.kata().id(),
                    check.code().label(), verdict.status(), seconds,
                    first.length() > 110 ? first.substring(0, 110) + "..." : first);
        }
        return check;
    }

    private static String describe(KataVerdict verdict) {
        if (verdict.problem() != null) {
            return verdict.problem();
        }
        return verdict.failed() + " test(s) failed: " + String.join(" | ",
                verdict.failures().stream().map(f -> f.testName() + ": " + f.summary()).toList());
    }
}
