package katas.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("task:4")
@DisplayName("Background threads")
class BackgroundTest {

    @Nested
    @DisplayName("The heartbeat")
    class Heartbeat {

        @Test
        @DisplayName("beats on a daemon thread named heartbeat, and ends when interrupted")
        void beatsOnADaemonThreadUntilInterrupted() {
            List<Thread> beaters = new CopyOnWriteArrayList<>();
            AtomicReference<Thread> returned = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                try {
                    workers.start("caller", () -> returned.set(
                            startedBy(() -> Background.startHeartbeat(() -> beaters.add(Thread.currentThread()),
                                    Duration.ofMillis(1)))));
                    workers.joinAll();
                    Waits.until(() -> beaters.size() >= 3, "the heartbeat should beat again and again (3 beats)");

                    Thread heartbeat = returned.get();
                    assertThat(Set.copyOf(beaters))
                            .withFailMessage(Messages.beatsElsewhere(heartbeat, beaters))
                            .containsExactly(heartbeat);
                    assertThat(heartbeat.getName())
                            .withFailMessage(Messages.wrongName("heartbeat", heartbeat))
                            .isEqualTo("heartbeat");
                    assertThat(heartbeat.isDaemon())
                            .withFailMessage(Messages.heartbeatNotDaemon())
                            .isTrue();

                    heartbeat.interrupt();
                    Waits.untilEnded(heartbeat, "its loop after interrupt(): the heartbeat must stop when interrupted");
                } finally {
                    stop(returned.get(), beaters);
                }
            }
        }

        @Test
        @DisplayName("does not keep the JVM alive: a program that starts it and returns from main exits")
        void letsTheJvmExit(@TempDir Path output) throws Exception {
            ChildJvm child = ChildJvm.run(output, "heartbeat", String.valueOf(Delays.PATIENCE.toMillis()));
            child.assertNothingWrong("call setDaemon(true) on the heartbeat before start(): a thread inherits daemon"
                    + " status from the thread that creates it, and main is not a daemon");
            if (!child.exited()) {
                throw Failures.failure("A program whose main() started the heartbeat and returned was still running "
                                + Waits.inWords(Delays.PATIENCE) + " later: the heartbeat kept the JVM alive.",
                        "the JVM exits when its last non-daemon thread ends; call setDaemon(true) on the heartbeat"
                                + " before start()", child.output(), null);
            }
            assertThat(child.output())
                    .withFailMessage(Messages.childFailed(child))
                    .contains(BackgroundDemo.MAIN_RETURNS);
        }
    }

    @Nested
    @DisplayName("The writer")
    class Writer {

        @Test
        @DisplayName("writes every line in order on a non-daemon thread named writer, even when started from a daemon")
        void writesEveryLineOnANonDaemonThread() {
            List<String> lines = List.of("first", "second", "third");
            List<String> written = new CopyOnWriteArrayList<>();
            List<Thread> writers = new CopyOnWriteArrayList<>();
            AtomicReference<Thread> returned = new AtomicReference<>();
            try (Workers workers = new Workers()) {
                // Workers are daemon threads, so a writer that only inherits its status is a daemon here.
                workers.start("caller", () -> returned.set(startedBy(() -> Background.startWriter(lines, line -> {
                    writers.add(Thread.currentThread());
                    written.add(line);
                }))));
                workers.joinAll();
                Waits.untilEnded(returned.get(), "writing its lines");
            }

            Thread writer = returned.get();
            assertThat(writer.getName())
                    .withFailMessage(Messages.wrongName("writer", writer))
                    .isEqualTo("writer");
            assertThat(Set.copyOf(writers))
                    .withFailMessage(Messages.writesElsewhere(writer, writers))
                    .containsExactly(writer);
            assertThat(writer.isDaemon())
                    .withFailMessage(Messages.writerIsDaemon())
                    .isFalse();
            assertThat(written)
                    .withFailMessage(Messages.wrongLines(lines, written))
                    .containsExactlyElementsOf(lines);
        }

        @Test
        @DisplayName("keeps the JVM alive: a program whose main returns at once still writes every line")
        void keepsTheJvmAliveUntilDone(@TempDir Path output) throws Exception {
            ChildJvm child = ChildJvm.run(output, "writer");
            child.assertNothingWrong("leave the writer a non-daemon: call setDaemon(false) before start(), or do not"
                    + " call setDaemon(true)");
            assertThat(child.exited())
                    .withFailMessage(Messages.childFailed(child))
                    .isTrue();
            List<String> lines = child.output().lines().filter(BackgroundDemo.LINES::contains).toList();
            assertThat(lines)
                    .withFailMessage(Messages.writerAbandoned(lines, child))
                    .containsExactlyElementsOf(BackgroundDemo.LINES);
        }
    }

    /** Runs {@code start}, turning the mistake of calling setDaemon() after start() into an explanation. */
    private static Thread startedBy(Callable<Thread> start) throws Exception {
        try {
            Thread thread = start.call();
            assertThat(thread)
                    .withFailMessage("The method returned null instead of the thread it started.%n"
                            + "What to look at: return the Thread you created and started.")
                    .isNotNull();
            return thread;
        } catch (IllegalThreadStateException tooLate) {
            throw Failures.failure("setDaemon() was called on a thread that had already started, which throws"
                            + " IllegalThreadStateException.",
                    "a thread is a daemon or not for its whole life: call setDaemon() before start()", null, tooLate);
        }
    }

    private static void stop(Thread returned, List<Thread> beaters) {
        List<Thread> threads = new ArrayList<>(beaters);
        if (returned != null) {
            threads.add(returned);
        }
        threads.forEach(Thread::interrupt);
    }

    /**
     * Another JVM running {@link BackgroundDemo}, with the lesson's classes. It gets longer than the patience delay:
     * on a loaded 2-core machine a JVM can take over 5 s just to start, and the wait ends as soon as it exits.
     */
    private record ChildJvm(boolean exited, int exitCode, String output) {

        static final Duration PATIENCE = Delays.scaled(Duration.ofSeconds(20));

        static ChildJvm run(Path folder, String... args) throws IOException, InterruptedException {
            String java = ProcessHandle.current().info().command().orElse(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String classPath = locationOf(Background.class) + File.pathSeparator + locationOf(BackgroundDemo.class);
            List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-cp", classPath, BackgroundDemo.class.getName()));
            command.addAll(List.of(args));
            Path log = folder.resolve("child.txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // Wait for the program to end, or to report a mistake that would keep it running anyway.
            Waits.poll(() -> !process.isAlive() || read(log).contains(BackgroundDemo.WRONG), PATIENCE);
            boolean exited = !process.isAlive();
            if (!exited) {
                process.destroyForcibly().waitFor(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
            return new ChildJvm(exited, exited ? process.exitValue() : -1, read(log));
        }

        /** Fails with the program's own report if it found a mistake. */
        void assertNothingWrong(String whatToLookAt) {
            String wrong = output.lines().filter(line -> line.startsWith(BackgroundDemo.WRONG))
                    .map(line -> line.substring(BackgroundDemo.WRONG.length())).findFirst().orElse(null);
            if (wrong != null) {
                throw Failures.failure("In a program of its own, " + wrong, whatToLookAt, output, null);
            }
        }

        private static String read(Path log) {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        private static String locationOf(Class<?> type) {
            try {
                return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static String heartbeatNotDaemon() {
            return "The heartbeat thread is not a daemon, so it would keep the JVM running after main() returns.\n"
                    + "What to look at: call setDaemon(true) on the heartbeat thread before start().";
        }

        static String writerIsDaemon() {
            return "The writer thread is a daemon, so the JVM may exit, and drop the lines not yet written, as soon"
                    + " as main() returns.\n"
                    + "What to look at: a new thread inherits daemon status from the thread that creates it (this test"
                    + " starts it from a daemon); call setDaemon(false) before start().";
        }

        static String wrongName(String expected, Thread thread) {
            return "The thread is named `" + thread.getName() + "`, not `" + expected + "`.\n"
                    + "What to look at: pass the name to the Thread constructor or to Thread.Builder.name().";
        }

        static String beatsElsewhere(Thread returned, List<Thread> beaters) {
            return "The heartbeat beat on " + names(beaters) + ", but startHeartbeat() returned `" + returned.getName()
                    + "`.\nWhat to look at: every beat runs on the one thread you start, and you return that thread.";
        }

        static String writesElsewhere(Thread returned, List<Thread> writers) {
            return "The lines were written on " + names(writers) + ", but startWriter() returned `" + returned.getName()
                    + "`.\nWhat to look at: write every line on the one thread you start, and return that thread.";
        }

        static String wrongLines(List<String> expected, List<String> written) {
            return "The writer should have written " + expected + " in that order, but wrote " + written + ".\n"
                    + "What to look at: hand each line to the sink once, in order.";
        }

        static String writerAbandoned(List<String> lines, ChildJvm child) {
            return "A program whose main() started the writer and returned wrote only " + lines + " of "
                    + BackgroundDemo.LINES + " before its JVM exited: the JVM did not wait for the writer.\n"
                    + "What to look at: the JVM exits once every non-daemon thread has ended; leave the writer a"
                    + " non-daemon (setDaemon(false)).\n--- the program's output ---\n" + child.output();
        }

        static String childFailed(ChildJvm child) {
            return "The demo program " + (child.exited() ? "exited with code " + child.exitCode() : "did not exit")
                    + " and printed:\n" + child.output();
        }

        private static String names(List<Thread> threads) {
            return String.join(", ", Set.copyOf(threads).stream().map(t -> "`" + t.getName() + "`").sorted().toList());
        }
    }
}
