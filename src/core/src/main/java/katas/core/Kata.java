package katas.core;

import java.util.List;

/**
 * One kata: a task of a lesson, the learner's file it is solved in, the tests that judge it, its
 * staged hints and its known-wrong variants.
 *
 * @param file the learner's file, relative to the lesson's {@code src/main/java}
 * @param tests fully qualified names of the kata's test classes
 * @param points what the kata is worth when graded ({@code null}: {@link #DEFAULT_POINTS})
 */
public record Kata(String id, int task, String title, String file, List<String> tests, List<String> hints,
        List<WrongVariant> wrong, Double points) {

    /** What a kata is worth when the manifest does not say. */
    public static final double DEFAULT_POINTS = 1.0;

    /** A kata worth the default points. */
    public Kata(String id, int task, String title, String file, List<String> tests, List<String> hints,
            List<WrongVariant> wrong) {
        this(id, task, title, file, tests, hints, wrong, null);
    }

    public Kata {
        if (id == null || id.isBlank()) {
            throw new CourseException("every kata needs an id");
        }
        if (file == null || file.isBlank()) {
            throw new CourseException("kata " + id + " names no file");
        }
        tests = tests == null ? List.of() : List.copyOf(tests);
        hints = hints == null ? List.of() : List.copyOf(hints);
        wrong = wrong == null ? List.of() : List.copyOf(wrong);
        if (tests.isEmpty()) {
            throw new CourseException("kata " + id + " names no test class");
        }
        if (points != null && (points.isNaN() || points < 0)) {
            throw new CourseException("kata " + id + " has points " + points + ": give a number of 0 or more");
        }
    }

    /** The simple name of the kata's class, from its file. */
    public String className() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
    }
}
