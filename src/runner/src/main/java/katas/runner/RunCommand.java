package katas.runner;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.core.Code;
import katas.core.Kata;
import katas.core.KataVerdict;
import katas.core.LessonCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kata run}: runs a kata's (or a lesson's) tests once; the exit code says whether they pass. */
@Command(name = "run", description = {"Run the tests of a kata or of a whole lesson once, without watching.",
        "Exit code: 0 every kata passes, 1 some kata does not pass yet, 2 usage error."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private KataCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "KATA-OR-LESSON",
            description = "A kata id (threads-crew), its class name (Crew), a lesson (04-locks, 04, 4); default: the current kata.")
    private String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workbench bench = parent.workbench();
        Optional<Workbench.Selection> selection = name == null
                ? bench.current().map(kata -> new Workbench.Selection(bench.course().lessonOf(kata), java.util.List.of(kata)))
                : bench.select(name);
        if (selection.isEmpty()) {
            spec.commandLine().getErr().println("kata run: " + (name == null ? "the course has no katas yet." : bench.unknown(name)));
            return ExitCodes.USAGE_OR_ERROR;
        }
        Workbench.Selection chosen = selection.get();
        if (chosen.katas().isEmpty()) {
            out.println("Lesson " + chosen.lesson().id() + " has no katas yet.");
            return ExitCodes.OK;
        }
        out.println("Running the tests of " + (chosen.katas().size() == 1 ? chosen.katas().get(0).id()
                : chosen.katas().size() + " katas of " + chosen.lesson().id()) + " ...");
        out.flush();
        Map<Kata, String> fingerprints = new LinkedHashMap<>();
        chosen.katas().forEach(kata -> fingerprints.put(kata, bench.progress().fingerprint(chosen.lesson(), kata)));
        LessonCheck check = bench.checker().check(chosen.lesson(), new Code.InLesson(), chosen.katas());
        boolean allSolved = true;
        for (KataVerdict verdict : check.verdicts()) {
            bench.progress().record(verdict.kata(), fingerprints.get(verdict.kata()), verdict.status());
            out.println();
            out.print(VerdictReport.full(verdict, check.run() == null ? null : check.run().elapsed()));
            allSolved &= verdict.status() == KataVerdict.Status.SOLVED;
        }
        out.flush();
        return allSolved ? ExitCodes.OK : ExitCodes.NOT_SOLVED;
    }
}
