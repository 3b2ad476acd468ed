package katas.core;

import java.util.List;

/**
 * The result of checking one lesson's code against its tests: the compilation, the run (absent when
 * the code did not compile) and a verdict per kata.
 */
public record LessonCheck(Lesson lesson, Code code, Compilation compilation, RunResult run, List<KataVerdict> verdicts) {

    public LessonCheck {
        verdicts = List.copyOf(verdicts);
    }

    /** The verdict on one kata of this check. */
    public KataVerdict verdict(Kata kata) {
        return verdicts.stream().filter(v -> v.kata().equals(kata)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(kata.id() + " was not part of this check"));
    }
}
