package katas.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.core.Kata;
import katas.core.WarmWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kata watch}: shows the current kata and runs its tests on every save. */
@Command(name = "watch", description = {"Show the current kata and run its tests each time you save (the default command).",
        "Keys: h next hint, l list, n next kata, r re-run, q quit."})
final class WatchCommand implements Callable<Integer> {

    @ParentCommand
    private KataCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "KATA", description = "Start on this kata (default: the current one).")
    private String name;

    /**
     * The kit's own per-test timeout (30 s) stays the default: correct code that model-checks with Lincheck
     * can take several seconds on a busy machine, and the kit's waits already report a deadlock after 5 s.
     */
    @Option(names = "--test-timeout", paramLabel = "DURATION",
            description = "Cut off a test (and show its hang report) after this long, e.g. \"10 s\" (default: the test kit's 30 s).")
    private String testTimeout;

    @Override
    public Integer call() throws Exception {
        return watch(parent, spec.commandLine().getOut(), name);
    }

    /** Runs watch mode for the course of {@code parent}, on kata {@code name} or the current one. */
    int watch(KataCommand parent, PrintWriter out, String name) throws Exception {
        Workbench bench = parent.workbench();
        Optional<Kata> kata = name == null ? bench.current() : bench.kata(name);
        if (kata.isEmpty()) {
            out.println(name == null ? "The course has no katas yet." : "kata watch: " + bench.unknown(name));
            out.flush();
            return name == null ? ExitCodes.OK : ExitCodes.USAGE_OR_ERROR;
        }
        bench.setCurrent(kata.get());
        String trace = System.getenv("KATA_TRACE");
        Map<String, String> junit = testTimeout == null ? Map.of()
                : Map.of("junit.jupiter.execution.timeout.default", testTimeout);
        try (WarmWorker worker = new WarmWorker(bench.toolchain(), bench.stateDir().resolve("logs"), junit);
                Terminal terminal = Terminal.open(out, parent.terminal())) {
            worker.start();
            Thread stopWorker = new Thread(worker::close, "kata-stop-worker");
            Runtime.getRuntime().addShutdownHook(stopWorker);
            try {
                return new WatchSession(bench, bench.checker(worker), terminal, System.in, kata.get(),
                        trace == null || trace.isBlank() ? null : Path.of(trace)).run();
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopWorker);
            }
        }
    }
}
