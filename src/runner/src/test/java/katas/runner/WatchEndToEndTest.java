package katas.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import katas.core.Course;
import katas.core.Toolchain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real {@code ./kata watch} in a terminal (tmux), on a scratch copy of lesson 01 (its
 * manifest entry, starters and solutions): the learner's saves, key presses, and what the screen then shows.
 */
@Tag("end-to-end")
@DisplayName("./kata watch in a terminal")
class WatchEndToEndTest {

    /** How long a screen may take to show what it must: generous, since CI's two cores are shared. */
    private static final Duration SCREEN_PATIENCE = Duration.ofSeconds(150);
    private static final String CREW = "lessons/01-threads/src/main/java/katas/threads/Crew.java";
    private static final String CREW_SOLUTION = "solutions/01-threads/src/main/java/katas/threads/Crew.java";

    /** A crew whose two threads take two locks in opposite orders, each waiting until the other holds its first. */
    private static final String DEADLOCKING_CREW = """
            package katas.threads;

            import java.util.List;
            import java.util.concurrent.CountDownLatch;
            import java.util.function.Consumer;

            final class Crew {

                private Crew() {
                }

                static void runAll(List<String> jobs, Consumer<String> target) throws InterruptedException {
                    Object left = new Object();
                    Object right = new Object();
                    CountDownLatch bothHoldOne = new CountDownLatch(2);
                    Thread first = new Thread(() -> take(left, right, bothHoldOne), "worker-1");
                    Thread second = new Thread(() -> take(right, left, bothHoldOne), "worker-2");
                    first.start();
                    second.start();
                    first.join();
                    second.join();
                }

                private static void take(Object mine, Object theirs, CountDownLatch bothHoldOne) {
                    synchronized (mine) {
                        bothHoldOne.countDown();
                        try {
                            bothHoldOne.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        synchronized (theirs) {
                            bothHoldOne.countDown();
                        }
                    }
                }
            }
            """;

    @TempDir
    Path course;

    private String socket;

    @BeforeEach
    void scratchCourse() throws IOException {
        Assumptions.assumeTrue(commandWorks("tmux", "-V"), "these tests drive ./kata in tmux, which is not installed");
        Path real = Path.of(System.getProperty("course.root", "../..")).toAbsolutePath().normalize();
        // Lesson 01 alone: other lessons' manifest entries may be half-written while their authors work.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode manifest = yaml.readTree(real.resolve("course.yaml").toFile());
        ArrayNode lessons = yaml.createArrayNode();
        manifest.path("lessons").forEach(lesson -> {
            if ("01-threads".equals(lesson.path("id").asText())) {
                lessons.add(lesson);
            }
        });
        yaml.writeValue(course.resolve("course.yaml").toFile(), yaml.createObjectNode().set("lessons", lessons));
        Files.copy(real.resolve("kata"), course.resolve("kata"));
        course.resolve("kata").toFile().setExecutable(true);
        for (String part : List.of("lessons/01-threads", "solutions/01-threads")) {
            copyWithoutBuildOutput(real.resolve(part), course.resolve(part));
        }
        socket = "kata-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @AfterEach
    void stopTerminal() {
        if (socket != null) {
            tmux("kill-server");
        }
    }

    @Test
    @DisplayName("shows the starter failing, turns green when the learner saves the solution, and quits cleanly")
    void turnsGreen() throws IOException {
        startWatch();
        screenShows("FAILED  threads-crew", "Not written yet", "h hint  l list  n next kata  r re-run  q quit");

        Files.writeString(course.resolve(CREW), Files.readString(course.resolve(CREW_SOLUTION)));
        int total = Course.load(course).katas().size();
        screenShows("PASSED  threads-crew", "Solved! Press n for the next kata: threads-downloads",
                "] 1 of " + total + " katas solved");
        assertThat(screen()).as("it never moves on by itself").contains("Task 1: A crew of named threads");

        tmux("send-keys", "-t", "watch", "h");
        screenShows("Hint 1 of 4:");
        tmux("send-keys", "-t", "watch", "n");
        screenShows("Task 2: The download example", "(threads-downloads)");
        tmux("send-keys", "-t", "watch", "q");
        screenShows("kata exited with 0", "terminal restored: yes");
    }

    @Test
    @DisplayName("cuts off a deadlock and shows its cycle, stays responsive, and judges the next save")
    void reportsDeadlock() throws IOException {
        startWatch();
        screenShows("FAILED  threads-crew");

        Files.writeString(course.resolve(CREW), DEADLOCKING_CREW);
        screenShows("Deadlock:", "`worker-1` holds", "`worker-2` holds", "take the locks in one global order");
        tmux("send-keys", "-t", "watch", "h");
        screenShows("Hint 1 of 4:");

        Files.writeString(course.resolve(CREW), Files.readString(course.resolve(CREW_SOLUTION)));
        screenShows("PASSED  threads-crew");
        tmux("send-keys", "-t", "watch", "q");
        screenShows("kata exited with 0");
    }

    /** Starts {@code ./kata watch} (on the tests' own build of the runner) in a fresh tmux session. */
    private void startWatch() throws IOException {
        List<String> classpath = new ArrayList<>();
        Toolchain.currentClasspath().forEach(entry -> classpath.add(entry.toAbsolutePath().toString()));
        Path script = course.resolve("watch.sh");
        Files.writeString(script, String.join("\n",
                "cd '" + course + "'",
                "export JAVA_HOME='" + System.getProperty("java.home") + "'",
                "export KATA_RUNNER_CP='" + String.join(java.io.File.pathSeparator, classpath) + "'",
                "before=$(stty -g)",
                "./kata watch threads-crew",
                "code=$?",
                "[ \"$(stty -g)\" = \"$before\" ] && restored=yes || restored=no",
                "echo \"kata exited with $code; terminal restored: $restored\"",
                "exec sleep 600", ""));
        tmux("new-session", "-d", "-s", "watch", "-x", "160", "-y", "60", "bash " + script);
    }

    private void screenShows(String... texts) {
        boolean exitExpected = java.util.Arrays.stream(texts).anyMatch(text -> text.startsWith("kata exited"));
        await().atMost(SCREEN_PATIENCE).pollInterval(Duration.ofMillis(200))
                .failFast("./kata ended before the screen showed " + java.util.Arrays.toString(texts), () -> {
                    if (!exitExpected) {
                        assertThat(screen()).as("./kata ended early").doesNotContain("kata exited with");
                    }
                })
                .untilAsserted(() -> assertThat(screen()).as("the screen of ./kata watch").contains(texts));
    }

    private String screen() {
        return tmux("capture-pane", "-p", "-J", "-t", "watch");
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        try {
            Process tmux = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(tmux.getInputStream().readAllBytes());
            tmux.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void copyWithoutBuildOutput(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path path : walk.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target);
                }
            }
        }
    }
}
