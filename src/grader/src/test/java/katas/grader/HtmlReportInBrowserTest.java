package katas.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML class report as a real browser shows it: headless Chromium loads the report with a small
 * script added at its end, which reads back what the browser made of it (the document title, the
 * per-kata rows, the rendered bar heights, the styles that apply, the text of the hostile name) and
 * writes it into the page; the test reads that from the DOM Chromium dumps.
 *
 * <p>Needs a Chromium-family browser: found on the PATH ({@code chromium}, {@code google-chrome}, ...)
 * or given with {@code -Dgrader.browser=/path/to/chromium}. Without one the test fails and says so;
 * {@code -Dgrader.browser=none} skips it on purpose (it is then reported as skipped, never as passed).
 */
@DisplayName("The HTML class report, in a headless browser")
class HtmlReportInBrowserTest {

    private static final long BROWSER_SECONDS = 180;
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");

    /** Reads back, in the browser, what it made of the report. */
    private static final String PROBE = """
            <script>
            (() => {
              const seen = {};
              seen.title = document.title;
              seen.kataRows = [...document.querySelectorAll('#kata-pass-rates tr[data-kata]')].map(row => ({
                kata: row.dataset.kata, passRate: row.dataset.passRate,
                rateWidth: row.querySelector('span.rate').getBoundingClientRect().width }));
              seen.barHeights = [...document.querySelectorAll('#score-distribution rect.bar')]
                .map(bar => bar.getBBox().height);
              seen.barFill = getComputedStyle(document.querySelector('#score-distribution rect.bar')).fill;
              seen.studentNames = [...document.querySelectorAll('#students tr')].slice(1)
                .map(row => row.cells[0].textContent);
              seen.elementsNamedHacker = document.getElementsByTagName('hacker').length;
              const racy = document.querySelector('#students td.RACY');
              seen.racyText = racy ? racy.textContent : null;
              seen.racyColor = racy ? getComputedStyle(racy).color : null;
              const out = document.createElement('pre');
              out.id = 'browser-check';
              out.textContent = JSON.stringify(seen);
              document.body.append(out);
            })();
            </script>
            """;

    @TempDir
    Path dir;

    @Test
    @DisplayName("parses it, lays it out and styles it as the report means, with hostile text kept as text")
    void inChromium() throws Exception {
        Path browser = browser();
        String html = HtmlReport.of(OutputFormatsTest.REPORT);
        assertThat(html).contains("</body>");
        Path page = dir.resolve("report.html");
        Files.writeString(page, html.replace("</body>", PROBE + "</body>"));

        JsonNode seen = seenBy(browser, page);

        assertThat(seen.get("title").asText()).isEqualTo("Grades: fixture");
        Map<String, String> rates = new LinkedHashMap<>();
        seen.get("kataRows").forEach(row -> rates.put(row.get("kata").asText(), row.get("passRate").asText()));
        assertThat(rates).as("one row per kata, with the share of students who solved it").isEqualTo(expectedPassRates());
        seen.get("kataRows").forEach(row -> assertThat(row.get("rateWidth").asDouble())
                .as("the bar of " + row.get("kata").asText() + " is drawn 200 px wide per 100 %")
                .isCloseTo(Double.parseDouble(row.get("passRate").asText()) * 200, org.assertj.core.data.Offset.offset(1.0)));

        List<Double> heights = new ArrayList<>();
        seen.get("barHeights").forEach(height -> heights.add(height.asDouble()));
        assertThat(heights).as("a bar per tenth of the score, drawn where students scored: bob 0 of 5, alice 1.67 of 5")
                .hasSize(HtmlReport.BINS);
        for (int bin = 0; bin < HtmlReport.BINS; bin++) {
            if (bin == 0 || bin == 3) {
                assertThat(heights.get(bin)).as("bar %d", bin).isGreaterThan(0);
            } else {
                assertThat(heights.get(bin)).as("bar %d", bin).isZero();
            }
        }
        assertThat(heights.get(0)).as("one student each: bars of equal height").isEqualTo(heights.get(3));
        assertThat(seen.get("barFill").asText()).isEqualTo("rgb(59, 125, 216)");

        assertThat(seen.get("elementsNamedHacker").asInt()).as("a name with markup in it must stay text").isZero();
        List<String> names = new ArrayList<>();
        seen.get("studentNames").forEach(name -> names.add(name.asText()));
        assertThat(names).containsExactly("=alice,\"the\" <hacker>", "bob");
        assertThat(seen.get("racyText").asText()).isEqualTo("passed 2/3 runs");
        assertThat(seen.get("racyColor").asText()).isEqualTo("rgb(154, 103, 0)");
    }

    /** The pass rate of each kata over the sample report's students, worked out here rather than read from the page. */
    private static Map<String, String> expectedPassRates() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (GradeReport.Student student : OutputFormatsTest.REPORT.students()) {
            for (GradeReport.Lesson lesson : student.lessons()) {
                for (GradeReport.Kata kata : lesson.katas()) {
                    int[] solvedOfGraded = counts.computeIfAbsent(kata.kata(), k -> new int[2]);
                    solvedOfGraded[0] += kata.status() == GradeReport.Status.SOLVED ? 1 : 0;
                    solvedOfGraded[1]++;
                }
            }
        }
        Map<String, String> rates = new LinkedHashMap<>();
        counts.forEach((kata, c) -> rates.put(kata, String.format(Locale.ROOT, "%.3f", (double) c[0] / c[1])));
        return rates;
    }

    /** Loads {@code page} in headless {@code browser} and returns what the probe wrote into it. */
    private JsonNode seenBy(Path browser, Path page) throws IOException, InterruptedException {
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("browser.log");
        Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(BROWSER_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail(browser + " did not load the report within " + BROWSER_SECONDS + " s; its log:\n" + tail(log));
        }
        String text = Files.readString(dom);
        int start = text.indexOf("<pre id=\"browser-check\">");
        int end = text.indexOf("</pre>", start);
        if (process.exitValue() != 0 || start < 0 || end < 0) {
            fail(browser + " (exit code " + process.exitValue() + ") did not run the probe on the report; its log:\n" + tail(log)
                    + "\nthe DOM it dumped begins:\n" + text.substring(0, Math.min(2000, text.length())));
        }
        String json = text.substring(start + "<pre id=\"browser-check\">".length(), end)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        return ReportWriter.JSON.readTree(json);
    }

    /** The browser to use: {@code -Dgrader.browser}, or the first Chromium on the PATH; fails clearly when there is none. */
    private static Path browser() {
        String chosen = System.getProperty("grader.browser", "");
        Assumptions.assumeFalse(chosen.equals("none"), "skipped on purpose with -Dgrader.browser=none");
        if (!chosen.isBlank()) {
            Path path = Path.of(chosen);
            assertThat(path).as("-Dgrader.browser names the browser to use").isExecutable();
            return path;
        }
        Optional<Path> found = BROWSERS.stream().flatMap(name -> List.of(System.getenv().getOrDefault("PATH", "")
                .split(File.pathSeparator)).stream().map(folder -> Path.of(folder, name)))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            fail("No Chromium-family browser on the PATH (looked for " + String.join(", ", BROWSERS) + "): the HTML report"
                    + " is checked in a real headless browser. Install one (Debian/Ubuntu: apt-get install chromium), or"
                    + " name it with -Dgrader.browser=/path/to/chromium, or skip this test knowingly with"
                    + " -Dgrader.browser=none.");
        }
        return found.get();
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
