package katas.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.core.Kata;
import katas.core.Starters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kata reset}: puts a kata's (or a lesson's) starter back, keeping a backup of the learner's file. */
@Command(name = "reset", description = {"Put the starter of a kata (or of every kata of a lesson) back, after asking.",
        "Your version is kept in .kata/backups/ first; `kata reset --undo` brings it back."})
final class ResetCommand implements Callable<Integer> {

    @ParentCommand
    private KataCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "KATA-OR-LESSON", description = "The kata or lesson to reset.")
    private String name;

    @Option(names = "--undo", description = "Bring back the files the last reset replaced.")
    private boolean undo;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    private boolean yes;

    @Override
    public Integer call() throws IOException {
        Workbench bench = parent.workbench();
        Backups backups = new Backups(bench.course().root(), bench.stateDir().resolve("backups"));
        return undo ? undo(bench, backups) : reset(bench, backups);
    }

    private int reset(Workbench bench, Backups backups) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            spec.commandLine().getErr().println("kata reset: say which kata or lesson to reset, e.g. `kata reset "
                    + bench.current().map(Kata::id).orElse("threads-crew") + "` (or `kata reset --undo`).");
            return ExitCodes.USAGE_OR_ERROR;
        }
        Optional<Workbench.Selection> selection = bench.select(name);
        if (selection.isEmpty()) {
            spec.commandLine().getErr().println("kata reset: " + bench.unknown(name));
            return ExitCodes.USAGE_OR_ERROR;
        }
        Map<Path, String> changed = new LinkedHashMap<>();
        for (Kata kata : selection.get().katas()) {
            Optional<String> starter = bench.starters().starter(selection.get().lesson(), kata);
            if (starter.isEmpty()) {
                spec.commandLine().getErr().println("kata reset: cannot find the starter of " + kata.id()
                        + ": reset takes it from git in a clone of the course, and otherwise from "
                        + Starters.RECORD
                        + "/ (recorded when kata first ran here), which has no copy of it. Your file is unchanged;"
                        + " the file as handed out is in the course's repository or zip.");
                return ExitCodes.USAGE_OR_ERROR;
            }
            Path file = bench.learnerFile(kata);
            if (!Files.isRegularFile(file) || !Files.readString(file).equals(starter.get())) {
                changed.put(file, starter.get());
            }
        }
        if (changed.isEmpty()) {
            out.println("Nothing to reset: " + (selection.get().katas().size() == 1 ? "the file is" : "every file is")
                    + " still the starter.");
            return ExitCodes.OK;
        }
        out.println("This puts the starter back in:");
        changed.keySet().forEach(file -> out.println("  " + bench.shown(file)));
        out.println("Your version is kept in " + bench.shown(bench.stateDir().resolve("backups"))
                + "/, and `kata reset --undo` brings it back.");
        if (!yes && !confirmed(out)) {
            out.println("Nothing was changed.");
            return ExitCodes.OK;
        }
        List<Path> existing = changed.keySet().stream().filter(Files::isRegularFile).toList();
        Path backup = backups.save(existing, "reset");
        for (Map.Entry<Path, String> file : changed.entrySet()) {
            Files.createDirectories(file.getKey().getParent());
            Files.writeString(file.getKey(), file.getValue());
        }
        out.println("Reset. Your version is in " + bench.shown(backup) + "/.");
        return ExitCodes.OK;
    }

    private int undo(Workbench bench, Backups backups) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Path> last = backups.lastReset();
        if (last.isEmpty()) {
            out.println("There is no reset to undo.");
            return ExitCodes.OK;
        }
        List<Path> files = backups.filesIn(last.get());
        out.println("This brings back your version (from " + bench.shown(last.get()) + "/) of:");
        files.forEach(file -> out.println("  " + bench.shown(file)));
        if (!yes && !confirmed(out)) {
            out.println("Nothing was changed.");
            return ExitCodes.OK;
        }
        // The files as they are now (the starter, or edits since the reset) are kept too.
        List<Path> current = new ArrayList<>(files.stream().filter(Files::isRegularFile).toList());
        Path safety = backups.save(current, "undo");
        backups.restore(last.get());
        out.println("Restored. The files as they were just now are in " + bench.shown(safety) + "/.");
        return ExitCodes.OK;
    }

    private boolean confirmed(PrintWriter out) throws IOException {
        out.print("Go ahead? [y/N] ");
        out.flush();
        String answer = parent.in().readLine();
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }
}
