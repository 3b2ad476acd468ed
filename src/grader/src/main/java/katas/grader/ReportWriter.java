package katas.grader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes every output of a grading session from the one {@link GradeReport}:
 * {@code grades.csv}, {@code grades.json}, {@code report.html}, {@code feedback/<student>.md},
 * {@code gradescope/<student>/results.json}, {@code junit/TEST-<student>.xml} and
 * {@code classroom/<student>.json}.
 */
public final class ReportWriter {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes all outputs into {@code folder}; returns the file name used for each student. */
    public static Map<String, String> writeAll(GradeReport report, Path folder) {
        Map<String, String> names = fileNames(report);
        try {
            Files.createDirectories(folder);
            write(folder.resolve("grades.csv"), CsvGradebook.of(report));
            write(folder.resolve("grades.json"), json(report));
            write(folder.resolve("report.html"), HtmlReport.of(report));
            for (GradeReport.Student student : report.students()) {
                String name = names.get(student.student());
                write(folder.resolve("feedback").resolve(name + ".md"), MarkdownFeedback.of(student, report.settings()));
                write(folder.resolve("gradescope").resolve(name).resolve("results.json"), json(GradescopeResults.of(student)));
                write(folder.resolve("junit").resolve("TEST-" + name + ".xml"), JunitXml.of(student));
                write(folder.resolve("classroom").resolve(name + ".json"), json(ClassroomResults.of(student)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + folder, e);
        }
        return names;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A safe, unique file name per student: letters, digits, dot, dash and underscore only. */
    static Map<String, String> fileNames(GradeReport report) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (GradeReport.Student student : report.students()) {
            String base = student.student().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "_");
            if (base.isEmpty()) {
                base = "student";
            }
            String name = base;
            for (int i = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
                name = base + "-" + i;
            }
            names.put(student.student(), name);
        }
        return names;
    }
}
