package katas.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the core needs to compile and run kata tests: the libraries (test kit, JUnit, AssertJ, Fray,
 * Lincheck and the core itself), and the JVM the tests run on with its arguments.
 *
 * <p>The JVM and its arguments come from the Maven build ({@code build.properties}, filled in when
 * the core is built), so kata tests run the same way under Maven and under the kata tools.
 *
 * @param frayJava the {@code java} executable of Fray's instrumented JDK, for tests that explore schedules
 * @param frayArgs the arguments that load Fray's agent
 * @param plainJava the {@code java} executable for tests that do not use Fray (they start faster)
 * @param commonArgs the arguments every test JVM gets
 * @param classpath the libraries to compile kata tests against and run them with
 */
public record Toolchain(String frayJava, List<String> frayArgs, String plainJava, List<String> commonArgs,
        List<Path> classpath) {

    public Toolchain {
        frayArgs = List.copyOf(frayArgs);
        commonArgs = List.copyOf(commonArgs);
        classpath = List.copyOf(classpath);
    }

    /** The java executable and arguments for a test JVM, with or without Fray. */
    public List<String> testJvm(boolean withFray) {
        List<String> command = new ArrayList<>();
        command.add(withFray ? frayJava : plainJava);
        if (withFray) {
            command.addAll(frayArgs);
        }
        command.addAll(commonArgs);
        return command;
    }

    /** The toolchain of this build, with {@code classpath} as the libraries. */
    public static Toolchain fromBuild(List<Path> classpath) {
        Properties build = new Properties();
        try (InputStream in = Toolchain.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("katas/core/build.properties is missing: build the core with Maven");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String frayJava = build.getProperty("fray.java");
        if (!Files.isExecutable(Path.of(frayJava))) {
            throw new IllegalStateException("Fray's instrumented JDK is not at " + frayJava
                    + ": build it once with ./mvnw -q install -DskipTests (it lands in ~/.cache/threading-katas).");
        }
        List<String> common = new ArrayList<>(words(build.getProperty("test.common.args")));
        // Graders and slow machines scale every delay from the outside.
        String factor = System.getProperty("kata.timeout.factor");
        if (factor != null) {
            common.add("-Dkata.timeout.factor=" + factor);
        }
        String plainJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new Toolchain(frayJava, words(build.getProperty("fray.jvm.args")), plainJava, common, classpath);
    }

    /** The libraries on this JVM's own class path, as Surefire or the launcher script gave them. */
    public static List<Path> currentClasspath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("\\s+")).toList();
    }
}
