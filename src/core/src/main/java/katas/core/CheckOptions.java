package katas.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How a {@link Checker} deviates from its defaults, for the grader: more test sources per lesson (an
 * instructor's hidden tests, compiled and run like the lesson's own) and a cap on the time of each run
 * (a submission's remaining time budget).
 *
 * @param extraTestSources by lesson id, folders of further test sources (each a {@code src/test/java}-like root)
 * @param timeLimit turns the time the checker would allow a run into the time it gets
 */
public record CheckOptions(Map<String, List<Path>> extraTestSources, UnaryOperator<Duration> timeLimit) {

    /** No extra tests, the checker's own time limits. */
    public static final CheckOptions DEFAULT = new CheckOptions(Map.of(), UnaryOperator.identity());

    public CheckOptions {
        extraTestSources = Map.copyOf(extraTestSources);
        timeLimit = timeLimit == null ? UnaryOperator.identity() : timeLimit;
    }

    /** The extra test source folders of {@code lesson} (none by default). */
    public List<Path> extraTestSources(Lesson lesson) {
        return extraTestSources.getOrDefault(lesson.id(), List.of());
    }
}
