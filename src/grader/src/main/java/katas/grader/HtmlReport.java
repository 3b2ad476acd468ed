package katas.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The class report as one self-contained HTML page (no scripts, no external files): the score
 * distribution as a bar chart, each kata's pass rate, and a row per student.
 */
final class HtmlReport {

    /** Bars of the score distribution: 0-10 %, 10-20 %, ..., 90-100 %. */
    static final int BINS = 10;

    private HtmlReport() {
    }

    static String of(GradeReport report) {
        List<GradeReport.Student> students = report.students();
        int[] histogram = new int[BINS];
        for (GradeReport.Student student : students) {
            double fraction = student.maxScore() == 0 ? 0 : student.score() / student.maxScore();
            histogram[Math.min(BINS - 1, (int) Math.floor(fraction * BINS))]++;
        }
        Map<String, int[]> rates = new LinkedHashMap<>(); // kata -> solved, passed only some runs, error, not started, graded
        Map<String, String> titles = new LinkedHashMap<>();
        for (GradeReport.Student student : students) {
            for (GradeReport.Lesson lesson : student.lessons()) {
                for (GradeReport.Kata kata : lesson.katas()) {
                    int[] counts = rates.computeIfAbsent(kata.kata(), k -> new int[5]);
                    titles.putIfAbsent(kata.kata(), kata.title());
                    switch (kata.status()) {
                        case SOLVED -> counts[0]++;
                        case RACY -> counts[1]++;
                        case ERROR -> counts[2]++;
                        case NOT_STARTED -> counts[3]++;
                        case FAILED -> { }
                    }
                    counts[4]++;
                }
            }
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape("Grades: " + report.course())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#f3f3f3}")
                .append(".bar{fill:#3b7dd8}.rate{background:#3b7dd8;height:1em;display:inline-block}")
                .append(".num{text-align:right}.SOLVED{color:#176b2c}.RACY{color:#9a6700}.ERROR{color:#b3261e}\n")
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(report.course())).append(": class report</h1>\n");
        double mean = students.stream().mapToDouble(GradeReport.Student::score).average().orElse(0);
        double max = students.stream().mapToDouble(GradeReport.Student::maxScore).max().orElse(0);
        html.append("<p id=\"summary\">").append(students.size()).append(" submissions graded ")
                .append(escape(report.gradedAt())).append("; mean score ").append(format(mean)).append(" of ")
                .append(format(max)).append("; each kata run ").append(report.settings().runs())
                .append(" times for credit.</p>\n");
        html.append("<h2>Score distribution</h2>\n");
        int most = Math.max(1, java.util.Arrays.stream(histogram).max().orElse(1));
        int width = 60;
        int height = 160;
        html.append("<svg id=\"score-distribution\" role=\"img\" aria-label=\"score distribution\" width=\"")
                .append(BINS * width + 40).append("\" height=\"").append(height + 40).append("\">\n");
        for (int bin = 0; bin < BINS; bin++) {
            int barHeight = (int) Math.round((double) histogram[bin] / most * height);
            int x = 20 + bin * width;
            html.append("<rect class=\"bar\" data-count=\"").append(histogram[bin]).append("\" x=\"").append(x + 5)
                    .append("\" y=\"").append(height - barHeight + 10).append("\" width=\"").append(width - 10)
                    .append("\" height=\"").append(barHeight).append("\"><title>").append(bin * 10).append('-')
                    .append(bin * 10 + 10).append(" %: ").append(histogram[bin]).append("</title></rect>\n");
            html.append("<text x=\"").append(x + width / 2).append("\" y=\"").append(height + 28)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(bin * 10).append("–").append(bin * 10 + 10)
                    .append("%</text>\n");
            html.append("<text x=\"").append(x + width / 2).append("\" y=\"").append(height - barHeight + 6)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(histogram[bin]).append("</text>\n");
        }
        html.append("</svg>\n");
        html.append("<h2>Pass rate per kata</h2>\n<table id=\"kata-pass-rates\">\n<tr><th>Kata</th><th>Solved</th>")
                .append("<th>Pass rate</th><th>Passed only some runs</th><th>Could not be judged</th><th>Not started</th></tr>\n");
        rates.forEach((kata, counts) -> {
            double rate = counts[4] == 0 ? 0 : (double) counts[0] / counts[4];
            html.append("<tr data-kata=\"").append(escape(kata)).append("\" data-pass-rate=\"")
                    .append(String.format(Locale.ROOT, "%.3f", rate)).append("\"><td>").append(escape(kata + ": " + titles.get(kata)))
                    .append("</td><td class=\"num\">").append(counts[0]).append(" / ").append(counts[4])
                    .append("</td><td><span class=\"rate\" style=\"width:").append(Math.round(rate * 200)).append("px\"></span> ")
                    .append(Math.round(rate * 100)).append(" %</td><td class=\"num\">").append(counts[1])
                    .append("</td><td class=\"num\">").append(counts[2]).append("</td><td class=\"num\">").append(counts[3])
                    .append("</td></tr>\n");
        });
        html.append("</table>\n<h2>Students</h2>\n<table id=\"students\">\n<tr><th>Student</th><th>Score</th>");
        List<String> kataIds = new ArrayList<>(rates.keySet());
        kataIds.forEach(kata -> html.append("<th>").append(escape(kata)).append("</th>"));
        html.append("<th>Notes</th></tr>\n");
        for (GradeReport.Student student : students) {
            html.append("<tr><td>").append(escape(student.student())).append("</td><td class=\"num\">")
                    .append(format(student.score())).append(" / ").append(format(student.maxScore())).append("</td>");
            Map<String, GradeReport.Kata> byKata = new LinkedHashMap<>();
            student.lessons().forEach(lesson -> lesson.katas().forEach(kata -> byKata.put(kata.kata(), kata)));
            for (String kata : kataIds) {
                GradeReport.Kata result = byKata.get(kata);
                html.append("<td class=\"").append(result == null ? "" : result.status().name()).append("\">")
                        .append(result == null ? "" : escape(label(result))).append("</td>");
            }
            html.append("<td>").append(escape(student.problem() == null ? "" : student.problem())).append("</td></tr>\n");
        }
        html.append("</table>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String label(GradeReport.Kata kata) {
        return switch (kata.status()) {
            case SOLVED -> "solved";
            case FAILED -> format(kata.score());
            case RACY -> "passed " + kata.passedRuns() + "/" + kata.runs() + " runs";
            case ERROR -> "error";
            case NOT_STARTED -> "–";
        };
    }

    private static String format(double value) {
        return CsvGradebook.number(Math.round(value * 100) / 100.0);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
