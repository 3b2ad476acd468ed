package katas.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.core.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kata notes}: a lesson's README, laid out for the terminal. */
@Command(name = "notes", description = "Show a lesson's notes (its README) in the terminal.")
final class NotesCommand implements Callable<Integer> {

    @ParentCommand
    private KataCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "LESSON-OR-KATA",
            description = "A lesson (04-locks, 04, 4) or a kata of it (default: the current kata's lesson).")
    private String name;

    @Option(names = "--raw", description = "Print the Markdown as it is.")
    private boolean raw;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Workbench bench = parent.workbench();
        Optional<Lesson> lesson = name == null ? bench.current().map(bench.course()::lessonOf)
                : bench.select(name).map(Workbench.Selection::lesson);
        if (lesson.isEmpty()) {
            spec.commandLine().getErr().println("kata notes: " + (name == null ? "the course has no katas yet." : bench.unknown(name)));
            return ExitCodes.USAGE_OR_ERROR;
        }
        Path readme = bench.course().lessonDir(lesson.get()).resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            out.println("Lesson " + lesson.get().id() + " has no notes yet (" + bench.shown(readme) + " is still being written).");
            return ExitCodes.OK;
        }
        String markdown = Files.readString(readme);
        out.print(raw ? markdown : MarkdownText.render(markdown));
        out.flush();
        return ExitCodes.OK;
    }
}
