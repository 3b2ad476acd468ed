package katas.grader;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A student's grade as a JUnit XML report in Surefire's format ({@code surefire-test-report-3.0.xsd}): one
 * {@code testsuite} per student, one {@code testcase} per test (or per kata that had no tests run), with
 * {@code failure} for a failed test, {@code error} for a kata that could not be judged, {@code skipped} for
 * one not started; a racy test's failure says how many runs it passed.
 */
final class JunitXml {

    private JunitXml() {
    }

    static String of(GradeReport.Student student) {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (GradeReport.Lesson lesson : student.lessons()) {
            for (GradeReport.Kata kata : lesson.katas()) {
                if (kata.tests().isEmpty()) {
                    tests++;
                    if (kata.status() == GradeReport.Status.NOT_STARTED) {
                        skipped++;
                    } else if (kata.status() != GradeReport.Status.SOLVED) {
                        errors++;
                    }
                    continue;
                }
                for (GradeReport.Test test : kata.tests()) {
                    tests++;
                    if (!test.passed()) {
                        if (kata.status() == GradeReport.Status.ERROR) {
                            errors++;
                        } else {
                            failures++;
                        }
                    }
                }
            }
        }
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("version", "3.0");
            xml.writeAttribute("name", clean(student.student()));
            xml.writeAttribute("time", time(student.seconds()));
            xml.writeAttribute("tests", Integer.toString(tests));
            xml.writeAttribute("errors", Integer.toString(errors));
            xml.writeAttribute("skipped", Integer.toString(skipped));
            xml.writeAttribute("failures", Integer.toString(failures));
            xml.writeCharacters("\n");
            xml.writeStartElement("properties");
            property(xml, "score", CsvGradebook.number(student.score()));
            property(xml, "max_score", CsvGradebook.number(student.maxScore()));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            for (GradeReport.Lesson lesson : student.lessons()) {
                for (GradeReport.Kata kata : lesson.katas()) {
                    if (kata.tests().isEmpty()) {
                        xml.writeStartElement("testcase");
                        xml.writeAttribute("name", clean(kata.kata() + ": " + kata.title()));
                        xml.writeAttribute("classname", clean(lesson.lesson() + "." + kata.kata()));
                        xml.writeAttribute("time", "0");
                        if (kata.status() == GradeReport.Status.NOT_STARTED) {
                            xml.writeStartElement("skipped");
                            xml.writeAttribute("message", clean(kata.reason()));
                            xml.writeEndElement();
                        } else if (kata.status() != GradeReport.Status.SOLVED) {
                            xml.writeStartElement("error");
                            xml.writeAttribute("message", clean(firstLine(kata.reason())));
                            xml.writeAttribute("type", kata.status().name());
                            xml.writeCharacters(clean(kata.reason()));
                            xml.writeEndElement();
                        }
                        xml.writeEndElement();
                        xml.writeCharacters("\n");
                        continue;
                    }
                    for (GradeReport.Test test : kata.tests()) {
                        xml.writeStartElement("testcase");
                        xml.writeAttribute("name", clean((test.hidden() ? "(hidden) " : "") + test.name()));
                        xml.writeAttribute("classname", clean(test.testClass()));
                        xml.writeAttribute("group", clean(kata.kata()));
                        xml.writeAttribute("time", "0");
                        if (!test.passed()) {
                            boolean racy = test.passedRuns() > 0;
                            String message = test.hidden() ? "a hidden test did not pass" : test.message();
                            if (racy) {
                                message = "passed " + test.passedRuns() + "/" + test.runs() + " runs: " + message;
                            }
                            xml.writeStartElement(kata.status() == GradeReport.Status.ERROR ? "error" : "failure");
                            xml.writeAttribute("message", clean(firstLine(message)));
                            xml.writeAttribute("type", kata.status().name());
                            xml.writeCharacters(clean(message));
                            xml.writeEndElement();
                        }
                        xml.writeEndElement();
                        xml.writeCharacters("\n");
                    }
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    /** Surefire's time format: seconds with up to three decimals, no grouping. */
    static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** Text without the characters XML 1.0 cannot hold (a kata's output may contain any). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            kept.appendCodePoint(allowed ? c : '?');
        });
        return kept.toString();
    }
}
