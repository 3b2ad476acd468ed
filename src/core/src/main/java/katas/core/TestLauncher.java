package katas.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs test classes in a separate JVM and collects their outcomes, so that a kata that deadlocks,
 * loops, exits or floods its output costs only its own run.
 *
 * <p>The JVM is killed, with every process it started, when the run exceeds its time limit; what it
 * printed is kept in a file and only its last {@link #OUTPUT_KEPT} bytes are read back.
 */
public final class TestLauncher {

    /** How much of a test JVM's output is kept for messages. */
    public static final int OUTPUT_KEPT = 64 * 1024;

    private final Toolchain toolchain;

    public TestLauncher(Toolchain toolchain) {
        this.toolchain = toolchain;
    }

    /**
     * Runs {@code testClasses} with {@code classpath} (the compiled kata and test classes first) in a
     * fresh JVM, on Fray's JDK if {@code withFray}, using {@code workDir} for its result file, its
     * output and Fray's reports. {@code tagFilter} limits the run: {@code +Tag} runs only the tests
     * with the tag, {@code -Tag} all others; {@code null} runs all.
     */
    public RunResult run(List<Path> classpath, List<String> testClasses, boolean withFray, String tagFilter,
            Path workDir, Duration timeLimit) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path resultFile = workDir.resolve("results.json");
        Path outputFile = workDir.resolve("output.txt");
        List<String> command = new ArrayList<>(toolchain.testJvm(withFray));
        if (withFray) {
            command.add("-Dfray.workDir=" + workDir.resolve("fray-report"));
        } else {
            command.add("-Dkata.fray.elsewhere=true");
        }
        command.add("-cp");
        List<Path> fullClasspath = new ArrayList<>(classpath);
        fullClasspath.addAll(toolchain.classpath());
        command.add(String.join(File.pathSeparator, fullClasspath.stream().map(Path::toString).toList()));
        command.add(ForkedTestMain.class.getName());
        command.add(resultFile.toString());
        if (tagFilter != null) {
            command.add(tagFilter);
        }
        command.addAll(testClasses);

        long started = System.nanoTime();
        Process process;
        try {
            Files.deleteIfExists(resultFile);
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test JVM " + command.get(0), e);
        }
        boolean finished;
        try {
            finished = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tests", e);
        }
        if (!finished) {
            killTree(process);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new RunResult(readOutcomes(resultFile), !finished, finished ? process.exitValue() : -1,
                tail(outputFile), elapsed);
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<TestOutcome> readOutcomes(Path resultFile) {
        if (!Files.isRegularFile(resultFile)) {
            return List.of();
        }
        try {
            return new ObjectMapper().readValue(resultFile.toFile(), new TypeReference<List<TestOutcome>>() { });
        } catch (IOException unreadable) {
            // A JVM killed while writing leaves a partial file: the run's other facts still stand.
            return List.of();
        }
    }

    private static String tail(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - OUTPUT_KEPT);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return start > 0 ? "[... " + start + " bytes of earlier output left out ...]\n" + text : text;
        } catch (IOException e) {
            return "";
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
