package katas.grader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import katas.core.Course;
import katas.core.CourseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kata package gradescope|classroom}: packages the grader for the engines instructors use. */
@Command(name = "package", mixinStandardHelpOptions = true,
        header = "Package the grader for Gradescope or GitHub Classroom (instructors).",
        description = "Packages the grader for Gradescope or GitHub Classroom.",
        subcommands = {PackageCommand.Gradescope.class, PackageCommand.Classroom.class})
public final class PackageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code kata package gradescope}. */
    @Command(name = "gradescope", mixinStandardHelpOptions = true,
            header = "Write Gradescope's autograder zip.",
            description = "Writes Gradescope's autograder zip: setup.sh (installs JDK 25, builds the grader),"
                + " run_autograder (grades /autograder/submission into /autograder/results/results.json), the course"
                + " without solutions, the hidden tests and the grading settings.")
    static final class Gradescope implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CourseOption courseOption = new CourseOption();

        @Option(names = "--config", paramLabel = "FILE", description = "Grading settings (YAML or JSON) to ship.")
        Path config;

        @Option(names = "--hidden-tests", paramLabel = "DIR", description = "Hidden tests to ship.")
        Path hiddenTests;

        @Option(names = {"-o", "--out"}, paramLabel = "ZIP", defaultValue = "autograder.zip",
                description = "The zip to write (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                GradingConfig settings = config != null ? GradingConfig.read(config) : new GradingConfig();
                if (hiddenTests != null) {
                    settings.hiddenTests = hiddenTests.toAbsolutePath().normalize().toString();
                }
                settings.validate();
                AutograderPackage.gradescope(Course.load(courseOption.root()), settings, out);
                spec.commandLine().getOut().println("Gradescope autograder written to " + out.toAbsolutePath().normalize()
                        + ": upload it as the assignment's autograder (Ubuntu base image).");
                return ExitCodes.OK;
            } catch (GradingException | CourseException e) {
                err.println(e.getMessage());
                return ExitCodes.USAGE;
            }
        }
    }

    /** {@code kata package classroom}. */
    @Command(name = "classroom", mixinStandardHelpOptions = true,
            header = "Write GitHub Classroom's autograding workflow.",
            description = "Writes GitHub Classroom's autograding workflow (.github/workflows/classroom.yml) into a"
                + " student repository folder (a `kata export --student` copy, say).")
    static final class Classroom implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "The student repository folder.")
        Path out;

        @Override
        public Integer call() {
            Path workflow = AutograderPackage.classroom(out);
            spec.commandLine().getOut().println("Workflow written to " + workflow.toAbsolutePath().normalize()
                    + ". Set the repository variable KATA_COURSE_REPOSITORY (owner/name of the instructor's course)"
                    + " and the secret KATA_COURSE_TOKEN (read access to it) in the organization.");
            return ExitCodes.OK;
        }
    }
}
