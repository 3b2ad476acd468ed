package katas.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's grade in the form GitHub Classroom's grading reporter reads from a runner
 * ({@code <RUNNER>_RESULTS}, base64 of this JSON): a status, the maximum score and one test per kata.
 */
final class ClassroomResults {

    private ClassroomResults() {
    }

    static Map<String, Object> of(GradeReport.Student student) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (GradeReport.Lesson lesson : student.lessons()) {
            for (GradeReport.Kata kata : lesson.katas()) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", lesson.lesson() + " · " + kata.kata() + ": " + kata.title());
                test.put("status", kata.status() == GradeReport.Status.SOLVED ? "pass" : "fail");
                test.put("score", kata.score());
                test.put("message", kata.reason() == null ? "" : kata.reason());
                test.put("test_code", "kata grade: " + kata.kata());
                test.put("filename", "");
                test.put("line_no", 0);
                test.put("execution_time", "");
                tests.add(test);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("version", 1);
        results.put("status", student.problem() != null ? "error" : student.score() >= student.maxScore() ? "pass" : "fail");
        results.put("max_score", student.maxScore());
        results.put("tests", tests);
        return results;
    }
}
