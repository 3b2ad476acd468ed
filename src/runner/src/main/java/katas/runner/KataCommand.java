package katas.runner;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import katas.core.CourseException;
import katas.grader.ExportCommand;
import katas.grader.GradeCommand;
import katas.grader.PackageCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kata}: the learner's runner. Without a subcommand it enters watch mode on the current kata
 * (on a fresh clone, the first unsolved one). It also carries the instructors' commands of the grader
 * ({@code grade}, {@code export}, {@code package}).
 */
@Command(name = "kata", mixinStandardHelpOptions = true, version = "kata 1.0",
        description = {"Learn threading on the JVM, one kata at a time.",
                "Without a command: watch mode on the current kata (the first unsolved one on a fresh clone)."},
        subcommands = {WatchCommand.class, ListCommand.class, RunCommand.class, HintCommand.class, NotesCommand.class,
                ResetCommand.class, SolutionCommand.class, DemoCommand.class, CheckCommand.class,
                // the instructors' commands, from the grader
                GradeCommand.class, ExportCommand.class, PackageCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE_OR_ERROR, exitCodeOnExecutionException = ExitCodes.USAGE_OR_ERROR)
final class KataCommand implements Callable<Integer> {

    private final Path root;
    private final BufferedReader in;
    private final boolean terminal;
    private Workbench workbench;

    @Spec
    private CommandSpec spec;

    /**
     * @param root the root of the course (the folder with {@code course.yaml})
     * @param in where confirmations are read from
     * @param terminal whether {@code in} and the output are a learner's terminal (watch mode then reads single keys)
     */
    KataCommand(Path root, BufferedReader in, boolean terminal) {
        this.root = root;
        this.in = in;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("kata.root", "."));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.exit(commandLine(new KataCommand(root, in, System.console() != null),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)).execute(args));
    }

    /** The command line with its output going to {@code out} and {@code err}, and errors shown as messages. */
    static CommandLine commandLine(KataCommand command, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(command);
        line.setOut(out);
        line.setErr(err);
        // The grader's commands grade, export and package the course the runner runs in, unless --course says otherwise.
        line.setDefaultValueProvider(arg -> arg instanceof OptionSpec option && option.longestName().equals("--course")
                ? command.root.toAbsolutePath().normalize().toString() : null);
        line.setExecutionExceptionHandler((failure, cmd, parsed) -> {
            // A broken manifest or a missing build is the learner's to fix: say what, without a stack trace.
            if (failure instanceof CourseException || failure instanceof IllegalStateException
                    || failure instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("kata: " + failure.getMessage());
                cmd.getErr().flush();
                return ExitCodes.USAGE_OR_ERROR;
            }
            throw failure;
        });
        return line;
    }

    @Override
    public Integer call() throws Exception {
        WatchCommand watch = new WatchCommand();
        return watch.watch(this, spec.commandLine().getOut(), null);
    }

    /** The course, read on first use (so that {@code --help} works anywhere). */
    synchronized Workbench workbench() {
        if (workbench == null) {
            workbench = new Workbench(root);
        }
        return workbench;
    }

    BufferedReader in() {
        return in;
    }

    boolean terminal() {
        return terminal;
    }
}
