package katas.parallel;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

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
        // TODO: start java -cp classPath mainClass args with ProcessBuilder, drain its output while it runs, and wait for it at most timeout.
        throw new UnsupportedOperationException("TODO: run the class in a child JVM and collect its output and exit code");
    }
}
