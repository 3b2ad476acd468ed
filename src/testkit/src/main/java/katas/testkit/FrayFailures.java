package katas.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Turns what Fray reports about a failing schedule into a failure a learner can read. */
final class FrayFailures {

    private static final String DEADLOCK = "org.pastalab.fray.runtime.DeadlockException";
    private static final Pattern THREAD_LINE = Pattern.compile("^Thread: Thread\\[#\\d+,(.*),\\d+,[^\\]]*\\]\\s*$");

    private FrayFailures() {
    }

    static boolean isFrayTest(ExtensionContext context) {
        return context.getTestMethod()
                .map(method -> KataExtension.hasAnnotationNamed(method, "FrayTest")
                        || KataExtension.hasAnnotationNamed(method, "ConcurrencyTest"))
                .orElse(false);
    }

    /** True when this JVM is Fray's instrumented JDK (its release file names Fray as implementor). */
    static boolean isFrayJvm() {
        Path release = Path.of(System.getProperty("java.home"), "release");
        try {
            return Files.isRegularFile(release) && Files.readString(release).contains("IMPLEMENTOR=Fray");
        } catch (IOException unreadable) {
            return false;
        }
    }

    static boolean isDeadlock(Throwable failure) {
        return failure.getClass().getName().equals(DEADLOCK);
    }

    /** The folder where Fray saved this test's log and failing schedule. */
    static Path reportFolder(ExtensionContext context) {
        String workDir = System.getProperty("fray.workDir", "target/fray-report");
        return Path.of(workDir, context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName());
    }

    static AssertionError deadlock(ExtensionContext context, Throwable failure) {
        Path folder = reportFolder(context);
        List<String> positions = threadPositions(folder.resolve("fray.log"));
        String where = positions.isEmpty()
                ? ""
                : " Where each thread was stuck:" + System.lineSeparator() + String.join(System.lineSeparator(), positions);
        return Failures.failure(
                "Deadlock: Fray found a thread schedule in which every thread waits for a lock or signal that another"
                        + " waiting thread would have to give, so none can go on." + where,
                "which lock or signal each stuck thread waits for: two threads taking the same locks in opposite"
                        + " orders deadlock (take them in one global order), and a wait that nothing signals never ends",
                replayHint(folder), failure);
    }

    static String replayHint(Path folder) {
        Path recording = folder.resolve("recording");
        if (!Files.isDirectory(recording)) {
            return "Fray's log: " + folder.resolve("fray.log");
        }
        return "Fray saved the failing schedule in " + recording.toAbsolutePath() + System.lineSeparator()
                + "To replay exactly that schedule while you debug, copy the test method and annotate the copy with"
                + System.lineSeparator() + "    @FrayTest(replay = \"" + recording.toAbsolutePath() + "\")";
    }

    /** For each thread in Fray's log: its name and the first frame of the learner's code. */
    private static List<String> threadPositions(Path log) {
        List<String> positions = new ArrayList<>();
        if (!Files.isRegularFile(log)) {
            return positions;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return positions;
        }
        String thread = null;
        for (String line : lines) {
            Matcher matcher = THREAD_LINE.matcher(line);
            if (matcher.matches()) {
                thread = matcher.group(1);
                continue;
            }
            String trimmed = line.strip();
            if (thread != null && trimmed.startsWith("at ")) {
                String frame = trimmed.substring(3);
                String className = frame.contains("/") ? frame.substring(frame.indexOf('/') + 1) : frame;
                StackTraceElement element = new StackTraceElement(className.split("\\(")[0], "", null, 0);
                if (HangReport.isLearnerFrame(element) && !frame.contains("Test.")) {
                    positions.add("  `" + thread + "` at " + className);
                    thread = null;
                }
            }
        }
        return positions;
    }
}
