package katas.runner;

import java.util.Optional;
import java.util.concurrent.Callable;
import katas.core.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kata demo}: runs a lesson's demonstration and draws its thread timeline. */
@Command(name = "demo", description = {"Run a lesson's demonstration and draw a timeline of its threads.",
        "The timeline shows which thread ran, waited or held which lock, and when (as text, and as an HTML file)."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private KataCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "LESSON", description = "The lesson (default: the current kata's lesson).")
    private String name;

    @Override
    public Integer call() throws Exception {
        Workbench bench = parent.workbench();
        Optional<Lesson> lesson = name == null ? bench.current().map(bench.course()::lessonOf)
                : bench.select(name).map(Workbench.Selection::lesson);
        if (lesson.isEmpty()) {
            spec.commandLine().getErr().println("kata demo: " + (name == null ? "the course has no lessons yet." : bench.unknown(name)));
            return ExitCodes.USAGE_OR_ERROR;
        }
        if (lesson.get().demo() == null) {
            String withDemos = String.join(", ", bench.course().lessons().stream().filter(l -> l.demo() != null)
                    .map(Lesson::id).toList());
            spec.commandLine().getOut().println("Lesson " + lesson.get().id() + " has no demonstration. "
                    + (withDemos.isEmpty() ? "No lesson has one yet." : "Lessons with one: " + withDemos + "."));
            return ExitCodes.USAGE_OR_ERROR;
        }
        return new ThreadTimelineDemo(bench, spec.commandLine().getOut(), spec.commandLine().getErr()).run(lesson.get());
    }
}
