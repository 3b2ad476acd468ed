package katas.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.core.Code;
import katas.core.Kata;
import katas.core.KataVerdict;
import katas.core.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kata solution}: the reference solution and how it differs from the learner's, once the learner's passes. */
@Command(name = "solution", description = {"Show a kata's reference solution and how it differs from your code.",
        "Only once your version passes, unless you give up (--give-up)."})
final class SolutionCommand implements Callable<Integer> {

    @ParentCommand
    private KataCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "KATA", description = "The kata (default: the current one).")
    private String name;

    @Option(names = "--give-up", description = "Show the solution even though your version does not pass yet.")
    private boolean giveUp;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Workbench bench = parent.workbench();
        Optional<Kata> found = name == null ? bench.current() : bench.kata(name);
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("kata solution: " + (name == null ? "the course has no katas yet." : bench.unknown(name)));
            return ExitCodes.USAGE_OR_ERROR;
        }
        Kata kata = found.get();
        Path solution = bench.solutionFile(kata);
        if (!Files.isRegularFile(solution)) {
            spec.commandLine().getErr().println("kata solution: " + kata.id() + " has no reference solution at "
                    + bench.shown(solution) + " yet.");
            return ExitCodes.USAGE_OR_ERROR;
        }
        if (!giveUp && !passes(bench, kata, out)) {
            out.println();
            out.println("Your version of " + kata.id() + " does not pass yet, so the solution stays hidden: working it out"
                    + " is where the learning happens.");
            out.println("Try `kata hint " + kata.id() + "` for a nudge, or `kata solution " + kata.id()
                    + " --give-up` to see it anyway.");
            return ExitCodes.NOT_SOLVED;
        }
        Path mine = bench.learnerFile(kata);
        String solutionText = Files.readString(solution);
        out.println("Reference solution of " + kata.id() + " (" + bench.shown(solution) + "):");
        out.println();
        out.print(solutionText.endsWith("\n") ? solutionText : solutionText + "\n");
        out.println();
        String diff = LineDiff.unified(bench.shown(mine) + " (yours)", Files.isRegularFile(mine) ? Files.readString(mine) : "",
                bench.shown(solution) + " (solution)", solutionText);
        if (diff.isEmpty()) {
            out.println("Your version is the same as the solution, line for line.");
        } else {
            out.println("How it differs from yours (- your lines, + the solution's):");
            out.println();
            out.print(diff);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Whether the learner's version passes: known from the last run on these sources, or else run now. */
    private static boolean passes(Workbench bench, Kata kata, PrintWriter out) {
        Progress.State state = bench.progress().state(kata);
        if (state == Progress.State.SOLVED) {
            return true;
        }
        if (state == Progress.State.FAILING || state == Progress.State.NOT_STARTED) {
            return false;
        }
        out.println("Running the tests of " + kata.id() + " on your version first ...");
        out.flush();
        var lesson = bench.course().lessonOf(kata);
        String fingerprint = bench.progress().fingerprint(lesson, kata);
        KataVerdict verdict = bench.checker().check(lesson, new Code.InLesson(), List.of(kata)).verdict(kata);
        bench.progress().record(kata, fingerprint, verdict.status());
        return verdict.status() == KataVerdict.Status.SOLVED;
    }
}
