package katas.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kata check}: the maintainers' self-check, which is the README's test command. */
@Command(name = "check", description = {"The maintainers' self-check: `./mvnw verify -Psolutions`.",
        "It proves that solutions pass, starters fail and known-wrong variants are rejected. Exit code: Maven's"
                + " (0 when everything holds)."})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    private KataCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--lesson", paramLabel = "LESSON", description = "Check only this lesson (e.g. 04-locks); repeatable.")
    private List<String> lessons = new ArrayList<>();

    @Option(names = "--once", description = "Run each check once instead of three times.")
    private boolean once;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = parent.workbench().course().root();
        List<String> command = new ArrayList<>();
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        command.add(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString());
        command.add("verify");
        command.add("-Psolutions");
        if (!lessons.isEmpty()) {
            for (String lesson : lessons) {
                if (parent.workbench().course().lesson(lesson).isEmpty()) {
                    spec.commandLine().getErr().println("kata check: " + parent.workbench().unknown(lesson));
                    return ExitCodes.USAGE_OR_ERROR;
                }
            }
            command.add("-Dselfcheck.lessons=" + String.join(",", lessons.stream()
                    .map(lesson -> parent.workbench().course().lesson(lesson).orElseThrow().id()).toList()));
        }
        if (once) {
            command.add("-Dselfcheck.repeat=1");
        }
        out.println("Running " + String.join(" ", command.subList(1, command.size())) + " (this takes minutes) ...");
        out.flush();
        Process maven = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        maven.getOutputStream().close();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
                out.flush();
            }
        }
        return maven.waitFor();
    }
}
