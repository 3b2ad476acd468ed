package katas.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs kata tests (those that need no Fray) in a long-lived test JVM started ahead of time, so that a
 * run costs only the tests themselves: the way the runner's watch mode gets a verdict within a fraction
 * of a second after a save.
 *
 * <p>The worker is a JVM of its own, so a learner's deadlock, endless loop, {@code System.exit} or
 * leaked threads cannot freeze or pollute the runner. A run that exceeds its time limit, or that leaves
 * threads running, costs the worker: it is killed and a fresh one is started at once, ready for the
 * next run. Each run loads the kata's classes in a fresh class loader.
 */
public final class WarmWorker implements Checker.PlainTests, AutoCloseable {

    /** The end of the worker's output stream, as an item of its queue of lines. */
    private static final String END = "\u0000end";

    private final Toolchain toolchain;
    private final Path logDir;
    private final Map<String, String> configuration;
    private final ObjectMapper json = new ObjectMapper();

    private Process process;
    private Writer requests;
    private BlockingQueue<String> lines;
    private boolean ready;
    private int started;

    /**
     * @param logDir where each worker's own error output goes (a JVM crash report, say)
     * @param configuration JUnit configuration parameters for every run, such as a shorter per-test timeout
     */
    public WarmWorker(Toolchain toolchain, Path logDir, Map<String, String> configuration) {
        this.toolchain = toolchain;
        this.logDir = logDir;
        this.configuration = Map.copyOf(configuration);
    }

    /** Starts the worker JVM now, if none is running, so that the first run finds it warm. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(toolchain.testJvm(false));
        // The JIT's quick tier only, as in the runner: runs here are short, and the optimizing tier spent
        // the CPU of the first dozens of runs compiling JUnit in the background. On a busy 2-core machine
        // the first 15 runs of a kata's tests took about a third less time with the quick tier alone.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dkata.fray.elsewhere=true");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, toolchain.classpath().stream().map(Path::toString).toList()));
        command.add(WarmWorkerMain.class.getName());
        try {
            Files.createDirectories(logDir);
            started++;
            process = new ProcessBuilder(command)
                    .redirectError(logDir.resolve("worker-" + started + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test worker " + command.get(0), e);
        }
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        lines = queue;
        ready = false;
        BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().name("kata-worker-reader-" + started).start(() -> {
            try (in) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    queue.add(line);
                }
            } catch (IOException ignored) {
                // the worker ended or was killed: END below says so
            }
            queue.add(END);
        });
    }

    /** How many worker JVMs have been started so far (a fresh one after each run that cost the worker). */
    public synchronized int workersStarted() {
        return started;
    }

    @Override
    public synchronized RunResult run(List<Path> classpath, List<String> testClasses, String tagFilter, Path workDir,
            Duration timeLimit) {
        long startedAt = System.nanoTime();
        long deadline = startedAt + timeLimit.toNanos();
        start();
        List<TestOutcome> outcomes = new ArrayList<>();
        try {
            if (!ready) {
                String first = next(deadline);
                if (!WarmWorkerMain.READY.equals(first)) {
                    return ended(outcomes, startedAt, first == null);
                }
                ready = true;
            }
            requests.write(json.writeValueAsString(new WarmWorkerMain.Request(
                    classpath.stream().map(Path::toString).toList(), testClasses, tagFilter, configuration)));
            requests.write('\n');
            requests.flush();
            while (true) {
                String line = next(deadline);
                if (line == null || line.equals(END)) {
                    return ended(outcomes, startedAt, line == null);
                }
                if (line.startsWith(WarmWorkerMain.OUTCOME)) {
                    outcomes.add(json.readValue(line.substring(WarmWorkerMain.OUTCOME.length()), TestOutcome.class));
                } else if (line.startsWith(WarmWorkerMain.DONE)) {
                    WarmWorkerMain.Done done = json.readValue(line.substring(WarmWorkerMain.DONE.length()),
                            WarmWorkerMain.Done.class);
                    if (!done.leftRunning().isEmpty()) {
                        // Those threads may hold locks or keep working: the next run gets a clean JVM.
                        replace();
                    }
                    return new RunResult(outcomes, false, 0, done.output(), Duration.ofNanos(System.nanoTime() - startedAt));
                }
            }
        } catch (InterruptedException e) {
            replace();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tests", e);
        } catch (IOException e) {
            // The worker is gone (it exited, or its pipe broke): say so through the run's result.
            return ended(outcomes, startedAt, false);
        }
    }

    /** The next line from the worker, or {@code null} when the deadline passes first. */
    private String next(long deadline) throws InterruptedException {
        return lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** The result of a run whose worker ended (or was stopped at the time limit) before finishing it. */
    private RunResult ended(List<TestOutcome> outcomes, long startedAt, boolean timedOut) {
        Process gone = process;
        replace();
        int exitCode = -1;
        if (!timedOut) {
            try {
                gone.waitFor(5, TimeUnit.SECONDS);
                exitCode = gone.isAlive() ? -1 : gone.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String output = readLog(started - 1);
        return new RunResult(outcomes, timedOut, exitCode, output, Duration.ofNanos(System.nanoTime() - startedAt));
    }

    private String readLog(int worker) {
        Path log = logDir.resolve("worker-" + worker + ".log");
        try {
            return Files.isRegularFile(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills the current worker with everything it started, and starts a fresh one. */
    private void replace() {
        stop();
        start();
    }

    private void stop() {
        if (process == null) {
            return;
        }
        Process old = process;
        process = null;
        old.descendants().forEach(ProcessHandle::destroyForcibly);
        old.destroyForcibly();
        try {
            old.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
