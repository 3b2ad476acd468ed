package katas.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every output, written from one report that has every kind of result (and text that tries to break formats). */
@DisplayName("The grader's outputs")
class OutputFormatsTest {

    static final GradeReport REPORT = sample();

    static GradeReport sample() {
        GradeReport.Test passed = new GradeReport.Test("katas.counting.CounterTest", "counts on one thread", false, true, 3, 3, null);
        GradeReport.Test racy = new GradeReport.Test("katas.counting.CounterTest", "loses no increment", false, false, 3, 2,
                "4 threads x 20,000 increments should make 80,000 but made 79,812 <&> \"quoted\" \u0001 bell");
        GradeReport.Test hidden = new GradeReport.Test("katas.counting.CounterHiddenTest", "a new counter reads zero", true, false,
                1, 0, "the secret expectation");
        GradeReport.Kata counter = new GradeReport.Kata("counting-counter", 1, "A counter, with, commas", GradeReport.Status.RACY,
                0.67, 2, 3, 2, "Passed 2/3 runs: your solution has a race", List.of(passed, racy, hidden));
        GradeReport.Kata tally = new GradeReport.Kata("counting-tally", 3, "A tally", GradeReport.Status.ERROR, 0, 1, 0, 0,
                "It does not compile: Tally.java:3: error: ';' expected", List.of());
        GradeReport.Kata gate = new GradeReport.Kata("signals-gate", 1, "A gate", GradeReport.Status.NOT_STARTED, 0, 1, 0, 0,
                "The file is the starter as handed out, so its tests were not run.", List.of());
        GradeReport.Kata transfer = new GradeReport.Kata("counting-transfer", 2, "Transfers", GradeReport.Status.SOLVED, 1, 1, 3, 3,
                null, List.of(new GradeReport.Test("katas.counting.TransfersTest", "moves money", false, true, 3, 3, null)));
        GradeReport.Intake intake = new GradeReport.Intake(List.of("lessons/01-counting/src/main/java/katas/counting/Counter.java"),
                List.of(), List.of(), List.of("lessons/01-counting/src/test/java/katas/counting/CounterTest.java"),
                List.of("../evil (a path outside the submission)"));
        GradeReport.Student alice = new GradeReport.Student("=alice,\"the\" <hacker>", "/subs/alice.zip", 1.67, 5, 12.5,
                new GradeReport.Cost(3.1, 8.2, 1.2, 0, 1), null, intake, List.of(
                        new GradeReport.Lesson("01-counting", "Counting", 1.67, 4, null, List.of(counter, transfer, tally)),
                        new GradeReport.Lesson("02-signals", "Signals", 0, 1, null, List.of(gate))));
        GradeReport.Student bob = new GradeReport.Student("bob", "/subs/bob", 0, 5, 0.1, new GradeReport.Cost(0, 0, 0.1, 0, 0),
                "/subs/bob: no such file or folder", new GradeReport.Intake(List.of(), List.of(), List.of(), List.of(), List.of()),
                List.of(new GradeReport.Lesson("01-counting", "Counting", 0, 4, "/subs/bob: no such file or folder", List.of(
                        new GradeReport.Kata("counting-counter", 1, "A counter", GradeReport.Status.ERROR, 0, 2, 0, 0, "missing",
                                List.of())))));
        return new GradeReport(GradeReport.FORMAT, "fixture", "2026-11-25T04:00:00Z",
                new GradeReport.Settings(3, 20, 240, 1200, "512m", true, true), List.of(alice, bob));
    }

    @Nested
    @DisplayName("Gradescope's results.json")
    class Gradescope {

        @Test
        @DisplayName("has the score, execution time and one test per kata with name, score, max_score, status, output, visibility")
        void fields() throws Exception {
            JsonNode results = ReportWriter.JSON.readTree(ReportWriter.json(GradescopeResults.of(REPORT.students().get(0))));
            assertThat(results.get("score").isNumber()).isTrue();
            assertThat(results.get("score").asDouble()).isEqualTo(1.67);
            assertThat(results.get("execution_time").isInt()).isTrue();
            JsonNode tests = results.get("tests");
            assertThat(tests).hasSize(5);
            for (JsonNode test : tests) {
                assertThat(test.get("name").isTextual()).isTrue();
                assertThat(test.get("status").asText()).isIn("passed", "failed");
                assertThat(test.get("output").isTextual()).isTrue();
                assertThat(test.get("visibility").asText()).isIn("visible", "hidden", "after_due_date", "after_published");
            }
            JsonNode kata = tests.get(0);
            assertThat(kata.get("score").asDouble()).isEqualTo(0.67);
            assertThat(kata.get("max_score").asDouble()).isEqualTo(2.0);
            assertThat(kata.get("output").asText()).contains("passed 2/3 runs").doesNotContain("the secret expectation");
            assertThat(tests.get(1).get("visibility").asText()).isEqualTo(GradescopeResults.HIDDEN_VISIBILITY);
        }
    }

    @Nested
    @DisplayName("JUnit XML")
    class JunitXmlFormat {

        @Test
        @DisplayName("is valid against Surefire's report schema, for every student, whatever the messages hold")
        void valid() throws Exception {
            var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Path.of(getClass().getResource("/surefire-test-report-3.0-structure.xsd").toURI()).toFile());
            for (GradeReport.Student student : REPORT.students()) {
                String xml = JunitXml.of(student);
                schema.newValidator().validate(new StreamSource(new StringReader(xml)));
            }
        }

        @Test
        @DisplayName("counts failures, errors and skipped kata as Surefire does")
        void counts() {
            String xml = JunitXml.of(REPORT.students().get(0));
            assertThat(xml).contains("tests=\"6\"").contains("failures=\"2\"").contains("errors=\"1\"").contains("skipped=\"1\"");
        }
    }

    @Nested
    @DisplayName("The CSV gradebook")
    class Csv {

        @Test
        @DisplayName("has one row per student with every lesson and kata, quoted, formulas defused")
        void rows() {
            String[] lines = CsvGradebook.of(REPORT).split("\r\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).startsWith("student,score,max_score,01-counting (of 4),02-signals (of 1),counting-counter (of 2)");
            assertThat(lines[1]).startsWith("\"'=alice,\"\"the\"\" <hacker>\",1.67,5,1.67,0,0.67,1,0,0,");
            assertThat(lines[2]).startsWith("bob,0,5,0,,0,,,,");
        }
    }

    @Nested
    @DisplayName("Our JSON")
    class Json {

        @Test
        @DisplayName("names its format and reads back into the same report")
        void roundTrip() throws Exception {
            String json = ReportWriter.json(REPORT);
            assertThat(json).contains("\"format\" : \"" + GradeReport.FORMAT + "\"");
            assertThat(ReportWriter.JSON.readValue(json, GradeReport.class)).isEqualTo(REPORT);
        }
    }

    @Nested
    @DisplayName("The Markdown feedback")
    class Markdown {

        @Test
        @DisplayName("shows each failure's message, the pass rate, and what was changed, but nothing of hidden tests")
        void feedback() {
            String md = MarkdownFeedback.of(REPORT.students().get(0), REPORT.settings());
            assertThat(md).contains("**Score: 1.67 / 5**").contains("passed 2/3 runs, not all (see why below)")
                    .contains("79,812").contains("a hidden test did not pass").doesNotContain("the secret expectation")
                    .doesNotContain("a new counter reads zero").contains("CounterTest.java");
        }
    }

    @Nested
    @DisplayName("The HTML class report")
    class Html {

        @Test
        @DisplayName("has the score distribution and per-kata pass rates, with all text escaped")
        void content() {
            String html = HtmlReport.of(REPORT);
            assertThat(html).contains("<svg id=\"score-distribution\"").contains("<table id=\"kata-pass-rates\">")
                    .contains("data-kata=\"counting-transfer\" data-pass-rate=\"1.000\"")
                    .contains("&lt;hacker&gt;").doesNotContain("<hacker>");
            assertThat(html.split("class=\"bar\"", -1)).hasSize(HtmlReport.BINS + 1);
        }
    }

    @Test
    @DisplayName("use safe, unique file names per student")
    void fileNames() {
        Map<String, String> names = ReportWriter.fileNames(REPORT);
        assertThat(names.values()).containsExactly("_alice__the___hacker_", "bob");
    }
}
