package katas.core;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The result of compiling a set of sources in-process with {@code javax.tools}: whether it worked, and
 * the compiler's errors in the usual {@code File.java:12: error: ...} form.
 */
public record Compilation(boolean succeeded, String errors) {

    /** The Java release every kata is compiled for, as in the Maven build. */
    public static final String RELEASE = "25";

    /**
     * One file manager per thread, reused across compilations: it keeps the JDK's and the libraries'
     * indexes open, which a watch-mode compilation on every save would otherwise rebuild each time.
     */
    private static final ThreadLocal<StandardJavaFileManager> FILE_MANAGERS = ThreadLocal.withInitial(
            () -> compiler().getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));

    /**
     * {@code --release}, except on a JDK of that very release, whose own modules are the same API. javac
     * reads the API of a {@code --release} from {@code lib/ct.sym} through a file manager of its own, made
     * afresh (and {@code ct.sym} opened again) for every compilation: that undid the reuse above and made
     * each compilation of a lesson about a third slower.
     */
    private static final List<String> RELEASE_OPTIONS = Runtime.version().feature() == Integer.parseInt(RELEASE)
            ? List.of() : List.of("--release", RELEASE);

    /** Compiles {@code sources} against {@code classpath} into {@code outputDir}. */
    public static Compilation compile(Collection<Path> sources, List<Path> classpath, Path outputDir) {
        if (sources.isEmpty()) {
            return new Compilation(true, "");
        }
        JavaCompiler compiler = compiler();
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter compilerOutput = new StringWriter();
        StandardJavaFileManager files = FILE_MANAGERS.get();
        try {
            // Every location is set for this compilation: a reused file manager keeps nothing of the last one
            // but its open libraries (JDK and jar indexes), which is what makes reuse cheaper.
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDir));
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            List<String> options = new ArrayList<>(RELEASE_OPTIONS);
            options.addAll(List.of("-encoding", "UTF-8", "-proc:none", "-implicit:none", "-Xlint:none", "-nowarn"));
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            boolean ok = compiler.getTask(compilerOutput, files, diagnostics, options, null, units).call();
            return new Compilation(ok, describe(diagnostics, compilerOutput.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // A compiler that broke down may leave its file manager in any state: the next compilation gets a new one.
            FILE_MANAGERS.remove();
            throw e;
        }
    }

    private static JavaCompiler compiler() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler in " + System.getProperty("java.home")
                    + ": the kata tools need a JDK 25, not a JRE.");
        }
        return compiler;
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics, String extra) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = diagnostic.getSource() == null ? "" : Path.of(diagnostic.getSource().toUri()).getFileName().toString();
            text.append(file).append(':').append(diagnostic.getLineNumber()).append(": error: ")
                    .append(diagnostic.getMessage(Locale.ROOT)).append(System.lineSeparator());
        }
        return (text + extra).strip();
    }
}
