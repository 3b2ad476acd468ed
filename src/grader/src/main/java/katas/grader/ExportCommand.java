package katas.grader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import katas.core.Course;
import katas.core.CourseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kata export --student DIR}: writes the course as students get it. */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write the course without solutions, to hand out (instructors).",
        description = {"Writes the course for students into a new folder: everything except solutions/ (reference"
                + " solutions and known-wrong variants), the hidden tests, grading settings, build output and .git."
                + " The copy records its starters in .kata/starters/, so that `kata reset` works in it without git.",
            "Refuses, and keeps nothing, if a starter in the copy is a reference solution."},
        footer = {"", "Exit codes: 0 written; 2 bad usage; 3 refused (a starter is a solution)."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CourseOption courseOption = new CourseOption();

    @Option(names = "--student", paramLabel = "DIR", required = true, description = "The new folder for the student copy.")
    Path target;

    @Option(names = "--hidden-tests", paramLabel = "DIR", description = "Hidden tests to leave out, if inside the course.")
    Path hiddenTests;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Course course = Course.load(courseOption.root());
            List<String> problems = StudentCopy.write(course, target, hiddenTests);
            if (!problems.isEmpty()) {
                Folders.delete(target);
                err.println("Not exported, and nothing kept in " + target + ":");
                problems.forEach(problem -> err.println("  " + problem));
                return ExitCodes.REFUSED;
            }
            out.println("Student copy written to " + target.toAbsolutePath().normalize()
                    + " (without solutions, wrong variants, hidden tests and grading settings).");
            return ExitCodes.OK;
        } catch (GradingException | CourseException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
