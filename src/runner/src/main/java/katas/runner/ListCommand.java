package katas.runner;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.core.Kata;
import katas.core.Lesson;
import katas.core.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kata list}: every lesson and kata with where it stands. */
@Command(name = "list", description = "List every lesson and kata with its state (solved, failing, not started).")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    private KataCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILTER",
            description = "Show only lessons and katas whose id or title contains this (e.g. locks, 04, deadlock).")
    private String filter;

    @Option(names = "--state", paramLabel = "STATE",
            description = "Show only katas in this state: solved, failing, not-started, not-checked.")
    private String state;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workbench bench = parent.workbench();
        Optional<Progress.State> wanted = Optional.empty();
        if (state != null) {
            try {
                wanted = Optional.of(Progress.State.valueOf(state.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("kata list: --state must be solved, failing, not-started or"
                        + " not-checked, not '" + state + "'.");
                return ExitCodes.USAGE_OR_ERROR;
            }
        }
        out.print(render(bench, filter, wanted.orElse(null)));
        out.flush();
        return ExitCodes.OK;
    }

    /** The list as text: the progress bar, then each lesson with its katas (also watch mode's {@code l} key). */
    static String render(Workbench bench, String filter, Progress.State wanted) {
        Map<Kata, Progress.State> states = bench.progress().states();
        long solved = states.values().stream().filter(s -> s == Progress.State.SOLVED).count();
        Kata current = bench.current().orElse(null);
        StringBuilder text = new StringBuilder(VerdictReport.progressBar((int) solved, states.size())).append("\n");
        int shown = 0;
        for (Lesson lesson : bench.course().lessons()) {
            boolean lessonMatches = filter == null || matches(filter, lesson.id(), lesson.title());
            StringBuilder rows = new StringBuilder();
            for (Kata kata : lesson.katas()) {
                Progress.State kataState = states.get(kata);
                if ((lessonMatches || matches(filter, kata.id(), kata.title())) && (wanted == null || wanted == kataState)) {
                    rows.append(String.format("  %s %s %-24s task %d  %-14s %s%n", kata.equals(current) ? ">" : " ",
                            mark(kataState), kata.id(), kata.task(), words(kataState), kata.title()));
                }
            }
            if (rows.isEmpty() && !(lessonMatches && wanted == null)) {
                continue;
            }
            shown++;
            text.append('\n').append(lesson.id()).append("  ").append(lesson.title()).append('\n');
            text.append(rows.isEmpty() ? "    (no katas yet)\n" : rows);
        }
        if (shown == 0) {
            text.append("\nNo lesson or kata matches").append(filter == null ? "" : " '" + filter + "'")
                    .append(wanted == null ? "" : " in state " + words(wanted)).append(".\n");
        }
        return text.toString();
    }

    private static boolean matches(String filter, String... texts) {
        String needle = filter.toLowerCase(Locale.ROOT);
        for (String text : texts) {
            if (text != null && text.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    static String mark(Progress.State state) {
        return switch (state) {
            case SOLVED -> "[x]";
            case FAILING -> "[!]";
            case NOT_STARTED -> "[ ]";
            case NOT_CHECKED -> "[?]";
        };
    }

    static String words(Progress.State state) {
        return switch (state) {
            case SOLVED -> "solved";
            case FAILING -> "failing";
            case NOT_STARTED -> "not started";
            case NOT_CHECKED -> "not run yet";
        };
    }
}
