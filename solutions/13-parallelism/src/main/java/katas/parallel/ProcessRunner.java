package katas.parallel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a Java program in a JVM of its own: real isolation, as Python's {@code multiprocessing} gives. */
final class ProcessRunner {

    private ProcessRunner() {
    }

    /**
     * Starts a new JVM, the same {@code java} this JVM runs on, that runs {@code mainClass} from
     * {@code classPath} with {@code args}; collects everything it writes (standard output and standard
     * error together) while it runs; and returns its exit code and output once it ends. A child still
     * running after {@code timeout} is stopped, and the result says it timed out.
     */
    static ProcessResult run(String classPath, String mainClass, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        // The java of this very JVM, so the child runs the same Java version.
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, mainClass));
        command.addAll(args);
        // Standard error joins standard output in one pipe, so a crash's stack trace is in the output too.
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();

        // Read the pipe on another thread WHILE the child runs: a pipe holds only some kilobytes, and a child
        // whose pipe is full blocks in its next println until someone reads, so it would never end.
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().name("output of " + mainClass).start(() -> {
            try (InputStream in = child.getInputStream()) {
                output.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | UncheckedIOException e) {
                output.completeExceptionally(e);
            }
        });

        boolean ended = child.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (!ended) {
            // A child is not stopped by our giving up on it: end it, or it runs on after we return.
            child.destroyForcibly();
            child.waitFor();
        }
        reader.join(); // the pipe reaches its end once the child has ended
        return new ProcessResult(ended ? child.exitValue() : -1, output.join(), !ended);
    }
}
