package katas.core;

import java.util.List;

/**
 * One kata: a task of a lesson, the learner's file it is solved in, the tests that judge it, its
 * staged hints and its known-wrong variants.
 *
 * @param file the learner's file, relative to the lesson's {@code src/main/java}
 * @param tests fully qualified names of the kata's test classes
 */
public record Kata(String id, int task, String title, String file, List<String> tests, List<String> hints,
        List<WrongVariant> wrong) {

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
    }

    /** The simple name of the kata's class, from its file. */
    public String className() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
    }
}
