package katas.grader;

import java.util.Map;

/**
 * A student's submission as the grader takes it: only the learner's kata files, by lesson, and what
 * the intake noticed about the rest.
 *
 * @param student the student's name in every output
 * @param source where the submission came from, as given
 * @param files by lesson id, the kata files found, by path relative to the lesson's {@code src/main/java}
 * @param intake what was taken, missing, ignored, changed and rejected
 * @param problem why nothing could be taken at all ({@code null} when something could)
 */
public record Submission(String student, String source, Map<String, Map<String, byte[]>> files,
        GradeReport.Intake intake, String problem) {

    public Submission {
        files = Map.copyOf(files);
    }
}
