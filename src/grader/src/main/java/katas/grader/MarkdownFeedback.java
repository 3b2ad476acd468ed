package katas.grader;

import java.util.List;

/** One student's feedback in Markdown: the score, each kata's result and the failure messages to act on. */
final class MarkdownFeedback {

    private MarkdownFeedback() {
    }

    static String of(GradeReport.Student student, GradeReport.Settings settings) {
        StringBuilder md = new StringBuilder();
        md.append("# Feedback for ").append(student.student()).append("\n\n");
        md.append("**Score: ").append(CsvGradebook.number(student.score())).append(" / ")
                .append(CsvGradebook.number(student.maxScore())).append("**\n\n");
        if (student.problem() != null) {
            md.append("Your submission could not be graded: ").append(student.problem()).append("\n\n");
        }
        md.append("Each kata that passed its first run was run ").append(settings.runs())
                .append(" times (from the second run on, in a random test order); a test earns credit only if it passed"
                        + " every run.\n\n");
        md.append("| Lesson | Kata | Result | Score |\n|---|---|---|---|\n");
        for (GradeReport.Lesson lesson : student.lessons()) {
            for (GradeReport.Kata kata : lesson.katas()) {
                md.append("| ").append(lesson.lesson()).append(" | ").append(cell(kata.kata() + ": " + kata.title()))
                        .append(" | ").append(result(kata)).append(" | ").append(CsvGradebook.number(kata.score())).append(" / ")
                        .append(CsvGradebook.number(kata.maxScore())).append(" |\n");
            }
        }
        md.append('\n');
        for (GradeReport.Lesson lesson : student.lessons()) {
            List<GradeReport.Kata> open = lesson.katas().stream()
                    .filter(kata -> kata.status() != GradeReport.Status.SOLVED).toList();
            if (open.isEmpty()) {
                continue;
            }
            md.append("## ").append(lesson.lesson()).append(": ").append(lesson.title()).append("\n\n");
            for (GradeReport.Kata kata : open) {
                md.append("### ").append(kata.kata()).append(" (task ").append(kata.task()).append("): ")
                        .append(result(kata)).append("\n\n");
                if (kata.reason() != null) {
                    md.append(block(kata.reason())).append('\n');
                }
                for (GradeReport.Test test : kata.tests()) {
                    if (test.passed()) {
                        continue;
                    }
                    if (test.hidden()) {
                        md.append("- a hidden test did not pass").append(test.runs() > 1 ? " (" + test.passedRuns() + "/"
                                + test.runs() + " runs)" : "").append('\n');
                        continue;
                    }
                    md.append("- ").append('`').append(test.name()).append('`')
                            .append(test.runs() > 1 ? " passed " + test.passedRuns() + "/" + test.runs() + " runs" : "")
                            .append(Boolean.TRUE.equals(test.passesAsHandedOut())
                                    ? " (the code as handed out passes it: a change broke it)" : "")
                            .append(test.message() == null ? "" : "\n\n" + indent(block(test.message())))
                            .append('\n');
                }
                md.append('\n');
            }
        }
        GradeReport.Intake intake = student.intake();
        if (intake != null && (!intake.changed().isEmpty() || !intake.ignored().isEmpty() || !intake.rejected().isEmpty()
                || !intake.missing().isEmpty())) {
            md.append("## What was graded\n\nOnly the kata files listed in the course are graded; the tests, build files and"
                    + " test kit are always the course's own.\n\n");
            list(md, "Changed course files (not used)", intake.changed());
            list(md, "Ignored files", intake.ignored());
            list(md, "Rejected entries", intake.rejected());
            list(md, "Missing kata files", intake.missing());
        }
        return md.toString();
    }

    private static String result(GradeReport.Kata kata) {
        return switch (kata.status()) {
            case SOLVED -> "solved";
            case FAILED -> "not solved";
            case RACY -> "passed " + kata.passedRuns() + "/" + kata.runs() + " runs, not all (see why below)";
            case ERROR -> "could not be judged";
            case NOT_STARTED -> "not started";
        };
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("**").append(title).append("**\n\n");
        items.forEach(item -> md.append("- `").append(item.replace("`", "'")).append("`\n"));
        md.append('\n');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Text as a fenced block, whatever backticks it holds. */
    private static String block(String text) {
        String fence = "```";
        while (text.contains(fence)) {
            fence += "`";
        }
        return fence + "text\n" + text.strip() + "\n" + fence + "\n";
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }
}
