package katas.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's grade as Gradescope's autograder {@code results.json}: the score, the execution time, one
 * test per kata (visible, with its score, status and what went wrong), and one entry per hidden test,
 * shown to the student only once grades are published and never with its message.
 */
final class GradescopeResults {

    /** When Gradescope shows a hidden test to the student. */
    static final String HIDDEN_VISIBILITY = "after_published";

    private GradescopeResults() {
    }

    static Map<String, Object> of(GradeReport.Student student) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", student.score());
        results.put("execution_time", (int) Math.ceil(student.seconds()));
        results.put("output", summary(student));
        results.put("visibility", "visible");
        results.put("stdout_visibility", "hidden");
        List<Map<String, Object>> tests = new ArrayList<>();
        for (GradeReport.Lesson lesson : student.lessons()) {
            for (GradeReport.Kata kata : lesson.katas()) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", lesson.lesson() + " · task " + kata.task() + " · " + kata.kata() + ": " + kata.title());
                test.put("score", kata.score());
                test.put("max_score", kata.maxScore());
                test.put("status", kata.status() == GradeReport.Status.SOLVED ? "passed" : "failed");
                test.put("output", output(kata));
                test.put("visibility", "visible");
                tests.add(test);
                for (GradeReport.Test hidden : kata.tests()) {
                    if (!hidden.hidden()) {
                        continue;
                    }
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", "(hidden) " + kata.kata() + ": " + hidden.name());
                    entry.put("status", hidden.passed() ? "passed" : "failed");
                    entry.put("output", hidden.passed() ? "" : "This hidden test did not pass"
                            + (hidden.runs() > 1 ? " (" + hidden.passedRuns() + "/" + hidden.runs() + " runs)" : "") + ".");
                    entry.put("visibility", HIDDEN_VISIBILITY);
                    tests.add(entry);
                }
            }
        }
        results.put("tests", tests);
        return results;
    }

    private static String summary(GradeReport.Student student) {
        StringBuilder text = new StringBuilder();
        if (student.problem() != null) {
            text.append("Your submission could not be graded: ").append(student.problem()).append("\n");
        }
        if (student.intake() != null && !student.intake().changed().isEmpty()) {
            text.append("You changed course files that are not yours to change; they were graded as handed out: ")
                    .append(String.join(", ", student.intake().changed())).append("\n");
        }
        return text.toString();
    }

    private static String output(GradeReport.Kata kata) {
        StringBuilder text = new StringBuilder();
        if (kata.reason() != null) {
            text.append(kata.reason()).append("\n");
        }
        for (GradeReport.Test test : kata.tests()) {
            if (test.passed()) {
                continue;
            }
            if (test.hidden()) {
                text.append("\n✗ a hidden test did not pass\n");
            } else {
                text.append("\n✗ ").append(test.name())
                        .append(test.runs() > 1 ? " (passed " + test.passedRuns() + "/" + test.runs() + " runs)" : "")
                        .append(test.message() == null ? "" : "\n" + test.message()).append("\n");
            }
        }
        return text.toString().strip();
    }
}
