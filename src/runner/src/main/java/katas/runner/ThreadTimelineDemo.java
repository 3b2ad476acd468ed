package katas.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import katas.core.Code;
import katas.core.Compilation;
import katas.core.Lesson;

/**
 * {@code kata demo}: compiles the lesson's code as it is (the learner's own, so a demonstration that
 * uses a kata shows the learner's solution at work), runs the demonstration's main class in a JVM of
 * its own while Java Flight Recorder records thread events, and draws the timeline.
 */
final class ThreadTimelineDemo {

    /** A demonstration still running after this is stopped (its timeline is drawn from what was recorded). */
    private static final long TIME_LIMIT_SECONDS = 120;

    private final Workbench bench;
    private final PrintWriter out;
    private final PrintWriter err;

    ThreadTimelineDemo(Workbench bench, PrintWriter out, PrintWriter err) {
        this.bench = bench;
        this.out = out;
        this.err = err;
    }

    int run(Lesson lesson) throws IOException, InterruptedException {
        Path dir = bench.stateDir().resolve("demo").resolve(lesson.id());
        Path classes = dir.resolve("classes");
        deleteTree(classes);
        Compilation compiled = Compilation.compile(new Code.InLesson().sources(bench.course(), lesson).values(), List.of(),
                classes);
        if (!compiled.succeeded()) {
            err.println("kata demo: the code of " + lesson.id() + " does not compile, so its demonstration cannot run:");
            err.println(compiled.errors());
            return ExitCodes.USAGE_OR_ERROR;
        }
        Path settings = dir.resolve("timeline.jfc");
        Files.writeString(settings, jfrSettings());
        Path recording = dir.resolve("demo.jfr");
        Files.deleteIfExists(recording);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:StartFlightRecording:settings=" + settings + ",filename=" + recording + ",dumponexit=true",
                "-Xlog:jfr+startup=warning", "-cp", classes.toString(), lesson.demo()));
        out.println("Running the demonstration of " + lesson.id() + " (" + lesson.demo() + ") with a thread recorder ...");
        out.println();
        out.flush();
        Process demo = new ProcessBuilder(command).redirectErrorStream(true).start();
        demo.getOutputStream().close();
        Thread copier = Thread.ofPlatform().daemon().name("kata-demo-output").start(() -> copy(demo));
        if (!demo.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            err.println("kata demo: the demonstration ran for " + TIME_LIMIT_SECONDS + " s and was stopped.");
            demo.destroy(); // a polite stop lets the JVM write its recording
            if (!demo.waitFor(10, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
        copier.join(TimeUnit.SECONDS.toMillis(10));
        out.println();
        if (!Files.isRegularFile(recording)) {
            err.println("kata demo: the demonstration ended (code " + demo.exitValue() + ") without a recording to draw.");
            return ExitCodes.USAGE_OR_ERROR;
        }
        ThreadTimeline timeline = ThreadTimeline.read(recording);
        out.println("Thread timeline of " + lesson.id() + ":");
        out.println();
        out.print(TimelineDrawing.text(timeline, 72));
        Path page = dir.resolve("timeline.html");
        Files.writeString(page, TimelineDrawing.html("Threads of " + lesson.id() + " (" + lesson.demo() + ")", timeline));
        out.println();
        out.println("In a browser: " + page.toUri());
        out.flush();
        return ExitCodes.OK;
    }

    private void copy(Process demo) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (out) {
                    out.println("  " + line);
                    out.flush();
                }
            }
        } catch (IOException ended) {
            // the demonstration was stopped
        }
    }

    /** JFR settings with only the thread events, each recorded from 1 ms on. */
    private static String jfrSettings() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<configuration version=\"2.0\" label=\"kata thread timeline\">\n");
        for (String event : ThreadTimeline.EVENTS) {
            xml.append("  <event name=\"").append(event).append("\">\n")
                    .append("    <setting name=\"enabled\">true</setting>\n")
                    .append("    <setting name=\"stackTrace\">false</setting>\n");
            if (!event.equals("jdk.ThreadStart") && !event.equals("jdk.ThreadEnd")) {
                xml.append("    <setting name=\"threshold\">1 ms</setting>\n");
            }
            xml.append("  </event>\n");
        }
        return xml.append("</configuration>\n").toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
