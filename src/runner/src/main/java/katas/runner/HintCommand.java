package katas.runner;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.core.Kata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kata hint}: a kata's hints, one stage at a time. */
@Command(name = "hint", description = {"Show a kata's hints, staged: the first is a nudge, the last nearly the answer."})
final class HintCommand implements Callable<Integer> {

    @ParentCommand
    private KataCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KATA", description = "The kata (default: the current one).")
    private String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "N", description = "Show hints 1 to N (default: 1).")
    private Integer upTo;

    @Option(names = "--all", description = "Show every hint at once.")
    private boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workbench bench = parent.workbench();
        Optional<Kata> kata = name == null ? bench.current() : bench.kata(name);
        if (kata.isEmpty()) {
            spec.commandLine().getErr().println("kata hint: " + (name == null ? "the course has no katas yet." : bench.unknown(name)));
            return ExitCodes.USAGE_OR_ERROR;
        }
        List<String> hints = kata.get().hints();
        if (hints.isEmpty()) {
            out.println(kata.get().id() + " has no hints.");
            return ExitCodes.OK;
        }
        int count = all ? hints.size() : upTo == null ? 1 : upTo;
        if (count < 1 || count > hints.size()) {
            spec.commandLine().getErr().println("kata hint: " + kata.get().id() + " has hints 1 to " + hints.size()
                    + ", so N must be one of those, not " + count + ".");
            return ExitCodes.USAGE_OR_ERROR;
        }
        out.print(render(kata.get(), count));
        if (count < hints.size()) {
            out.println();
            out.println("Stuck still? `kata hint " + kata.get().id() + " " + (count + 1) + "` shows the next one.");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Hints 1 to {@code count} of {@code kata}, numbered (also watch mode's {@code h} key). */
    static String render(Kata kata, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("Hint ").append(i + 1).append(" of ").append(kata.hints().size()).append(": ")
                    .append(kata.hints().get(i)).append('\n');
        }
        return text.toString();
    }
}
