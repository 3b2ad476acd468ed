package katas.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradebook as CSV (RFC 4180): one row per student with the total, each lesson and each kata, and
 * a notes column (why a submission could not be graded, pristine files it changed).
 */
final class CsvGradebook {

    private CsvGradebook() {
    }

    static String of(GradeReport report) {
        Map<String, String> lessons = new LinkedHashMap<>();
        Map<String, String> katas = new LinkedHashMap<>();
        for (GradeReport.Student student : report.students()) {
            for (GradeReport.Lesson lesson : student.lessons()) {
                lessons.putIfAbsent(lesson.lesson(), lesson.lesson() + " (of " + number(lesson.maxScore()) + ")");
                lesson.katas().forEach(kata -> katas.putIfAbsent(kata.kata(), kata.kata() + " (of " + number(kata.maxScore()) + ")"));
            }
        }
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student", "score", "max_score"));
        header.addAll(lessons.values());
        header.addAll(katas.values());
        header.add("notes");
        row(csv, header);
        for (GradeReport.Student student : report.students()) {
            List<String> cells = new ArrayList<>(List.of(student.student(), number(student.score()), number(student.maxScore())));
            Map<String, GradeReport.Lesson> byLesson = new LinkedHashMap<>();
            Map<String, GradeReport.Kata> byKata = new LinkedHashMap<>();
            student.lessons().forEach(lesson -> {
                byLesson.put(lesson.lesson(), lesson);
                lesson.katas().forEach(kata -> byKata.put(kata.kata(), kata));
            });
            lessons.keySet().forEach(id -> cells.add(byLesson.containsKey(id) ? number(byLesson.get(id).score()) : ""));
            katas.keySet().forEach(id -> cells.add(byKata.containsKey(id) ? number(byKata.get(id).score()) : ""));
            cells.add(notes(student));
            row(csv, cells);
        }
        return csv.toString();
    }

    private static String notes(GradeReport.Student student) {
        List<String> notes = new ArrayList<>();
        if (student.problem() != null) {
            notes.add("not graded: " + student.problem());
        }
        if (student.intake() != null && !student.intake().changed().isEmpty()) {
            notes.add("changed " + student.intake().changed().size() + " course file(s) (graded on the originals)");
        }
        if (student.intake() != null && !student.intake().rejected().isEmpty()) {
            notes.add("rejected " + student.intake().rejected().size() + " unsafe entr(y/ies)");
        }
        long racy = student.lessons().stream().flatMap(l -> l.katas().stream())
                .filter(k -> k.status() == GradeReport.Status.RACY).count();
        if (racy > 0) {
            notes.add(racy + " kata(s) passed only some runs");
        }
        return String.join("; ", notes);
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** A cell, quoted when it must be; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula. */
    static String quoted(String cell) {
        String text = cell == null ? "" : cell;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
