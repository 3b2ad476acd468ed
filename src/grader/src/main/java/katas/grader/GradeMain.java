package katas.grader;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The grader's commands without the learner's runner: {@code java -cp ... katas.grader.GradeMain
 * grade|export|package ...}. The {@code kata} runner carries the same commands ({@code kata grade}); this
 * entry point is for the autograders ({@code run_autograder}, the Classroom workflow), which build only the
 * grader and have no terminal.
 */
@Command(name = "kata", mixinStandardHelpOptions = true,
        description = "The instructors' commands of the threading katas.",
        subcommands = {GradeCommand.class, ExportCommand.class, PackageCommand.class})
public final class GradeMain implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every grader command, as the runner's root command would hold them. */
    public static CommandLine commandLine() {
        return new CommandLine(new GradeMain());
    }
}
