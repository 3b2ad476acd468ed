package katas.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import katas.core.Checker;
import katas.core.Code;
import katas.core.Kata;
import katas.core.KataVerdict;
import katas.core.Lesson;
import katas.core.LessonCheck;

/**
 * Watch mode: one loop over a queue of events (a source saved, a key pressed, a run finished), fed by
 * the file watcher's thread, a key-reading thread and the thread that runs the tests. Only the loop
 * changes what the learner sees, and it never moves to another kata on its own.
 */
final class WatchSession {

    /** Something watch mode reacts to. */
    sealed interface Event permits SourceSaved, KeyPressed, RunReported {
    }

    /** A Java source under the lessons was saved; the watcher saw it at {@code seenAt} ({@link System#nanoTime}). */
    record SourceSaved(Path path, long seenAt) implements Event {
    }

    /** The learner pressed a key. */
    record KeyPressed(char key) implements Event {
    }

    /**
     * A run (number {@code run}) reached a stage; {@code askedAt} ({@link System#nanoTime}) is when the save or
     * key that asked for it came in, {@code waited} how long after that it started compiling.
     */
    record RunReported(int run, Stage stage, LessonCheck check, String fingerprint, String problem, long askedAt,
            Duration waited, Duration compiling) implements Event {
    }

    /** How far a run has got. */
    enum Stage {
        /** The tests that need no Fray passed; the Fray tests run next. */
        PLAIN_PASSED,
        /** The verdict is in. */
        DONE,
        /** The runner could not run the tests at all. */
        BROKE
    }

    /**
     * Saves this close together are one save (an editor may write a file in several steps, by rename say,
     * which follow one another within a millisecond or so). Every save waits this long, so it is kept short:
     * a step that comes later still gets a run of its own, as does any save that leaves the sources other
     * than the last run saw them.
     */
    private static final Duration SAVES_SETTLE = Duration.ofMillis(10);

    /** A run still going after this is cut short by a newer save instead of being waited for. */
    private static final Duration WORTH_FINISHING = Duration.ofSeconds(1);

    /**
     * How many times the lesson is compiled again at the start, beside the first run (whose tests wait a
     * second or more for a cold worker) and until the first save: until the JIT has compiled javac, the
     * first saves compiled several times slower than the later ones.
     */
    private static final int WARM_UP_COMPILATIONS = 10;

    private final Workbench bench;
    private final Checker checker;
    private final Terminal terminal;
    private final InputStream keys;
    private final Path trace;
    private final BlockingDeque<Event> events = new LinkedBlockingDeque<>();
    private final ExecutorService runs = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().daemon().name("kata-run").unstarted(task));

    private Kata kata;
    private int hintsShown;
    private boolean showingList;
    /** The number of the latest run; the run thread reads it to drop work a newer save has made pointless. */
    private volatile int run;
    /** The last check whose Fray schedule a failure message names; only the run thread touches it. */
    private Checker.Compiled keptForReplay;
    private Future<?> running;
    private long runStartedAt;
    private String lastRunFingerprint;
    private String status = "";
    private LessonCheck verdictCheck;
    private int solved;

    /**
     * @param trace a file that gets a line per verdict with its time, for the latency benchmark; may be {@code null}
     */
    WatchSession(Workbench bench, Checker checker, Terminal terminal, InputStream keys, Kata kata, Path trace) {
        this.bench = bench;
        this.checker = checker;
        this.terminal = terminal;
        this.keys = keys;
        this.kata = kata;
        this.trace = trace;
    }

    /** Runs watch mode until the learner quits. */
    int run() throws IOException, InterruptedException {
        solved = bench.progress().solvedCount();
        try (SourceWatcher watcher = new SourceWatcher(bench.course().root().resolve("lessons"),
                path -> events.add(new SourceSaved(path, System.nanoTime())))) {
            startKeyReader();
            startRun(System.nanoTime());
            render();
            while (true) {
                Event event = events.take();
                if (!handle(event)) {
                    break;
                }
                render();
            }
        } finally {
            if (running != null) {
                running.cancel(true);
            }
            runs.shutdownNow();
        }
        return ExitCodes.OK;
    }

    /** Reacts to one event; false when the learner quits. */
    private boolean handle(Event event) {
        switch (event) {
            case SourceSaved saved -> {
                Lesson lesson = bench.course().lessonOf(kata);
                Path sources = bench.course().lessonDir(lesson).resolve("src");
                boolean ours = saved.path().toAbsolutePath().startsWith(sources);
                // Take the saves that follow at once along with this one.
                for (Event more = poll(SAVES_SETTLE); more != null; more = poll(SAVES_SETTLE)) {
                    if (!(more instanceof SourceSaved alsoSaved)) {
                        events.addFirst(more);
                        break;
                    }
                    ours |= alsoSaved.path().toAbsolutePath().startsWith(sources);
                }
                String fingerprint = ours ? bench.progress().fingerprint(lesson, kata) : null;
                if (fingerprint != null && !fingerprint.equals(lastRunFingerprint)) {
                    startRun(saved.seenAt(), fingerprint);
                }
            }
            case KeyPressed pressed -> {
                return key(pressed.key());
            }
            case RunReported report -> {
                if (report.run() == run) {
                    reported(report);
                }
            }
        }
        return true;
    }

    private Event poll(Duration wait) {
        try {
            return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean key(char key) {
        if (showingList && key != 'q') {
            showingList = false;
            return true;
        }
        switch (Character.toLowerCase(key)) {
            case 'q' -> {
                return false;
            }
            case 'h' -> hintsShown = Math.min(hintsShown + 1, kata.hints().size());
            case 'l' -> showingList = true;
            case 'r' -> startRun(System.nanoTime());
            case 'n' -> next().ifPresentOrElse(this::switchTo,
                    () -> status = "This is the last kata of the course: nothing comes after it.\n");
            default -> {
                // other keys do nothing
            }
        }
        return true;
    }

    private void switchTo(Kata next) {
        kata = next;
        bench.setCurrent(next);
        hintsShown = 0;
        verdictCheck = null;
        startRun(System.nanoTime());
    }

    private Optional<Kata> next() {
        List<Kata> all = bench.course().katas();
        int at = all.indexOf(kata);
        return at + 1 < all.size() ? Optional.of(all.get(at + 1)) : Optional.empty();
    }

    /**
     * Starts a run of the current kata's tests, cutting short a run that is taking long; {@code askedAt}
     * ({@link System#nanoTime}) is when the save or key that asks for it came in.
     */
    private void startRun(long askedAt) {
        startRun(askedAt, bench.progress().fingerprint(bench.course().lessonOf(kata), kata));
    }

    /** Starts a run as {@link #startRun(long)} does, of the current kata's sources with {@code fingerprint}. */
    private void startRun(long askedAt, String fingerprint) {
        if (running != null && !running.isDone()
                && System.nanoTime() - runStartedAt > WORTH_FINISHING.toNanos()) {
            running.cancel(true); // a hang or Fray's search: its verdict no longer matters
        }
        int thisRun = ++run;
        Kata runKata = kata;
        Lesson lesson = bench.course().lessonOf(runKata);
        lastRunFingerprint = fingerprint;
        status = "Running the tests of " + runKata.id() + " ...\n";
        runStartedAt = System.nanoTime();
        running = runs.submit(() -> {
            if (thisRun != run) {
                return; // a newer save came in while this run waited for the previous one
            }
            Checker.Compiled compiled = null;
            boolean keep = false;
            try {
                long compileStart = System.nanoTime();
                Duration waited = Duration.ofNanos(compileStart - askedAt);
                compiled = checker.compile(lesson, new Code.InLesson(), List.of(runKata));
                Duration compiling = Duration.ofNanos(System.nanoTime() - compileStart);
                if (thisRun == 1) {
                    warmUpCompiler(lesson, runKata);
                }
                LessonCheck plain = checker.runPlain(compiled, List.of(runKata));
                boolean frayNext = plain.verdict(runKata).status() == KataVerdict.Status.SOLVED
                        && checker.usesFray(lesson, List.of(runKata));
                events.add(new RunReported(thisRun, frayNext ? Stage.PLAIN_PASSED : Stage.DONE, plain, fingerprint, null,
                        askedAt, waited, compiling));
                if (frayNext && thisRun == run) {
                    LessonCheck all = checker.runFray(compiled, List.of(runKata), plain);
                    // Fray's saved schedule (named in its failure, for replay) lives in this check's folder.
                    keep = all.verdict(runKata).status() != KataVerdict.Status.SOLVED;
                    events.add(new RunReported(thisRun, Stage.DONE, all, fingerprint, null, askedAt, waited,
                            compiling));
                }
            } catch (RuntimeException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    events.add(new RunReported(thisRun, Stage.BROKE, null, fingerprint,
                            e.getMessage() == null ? e.toString() : e.getMessage(), askedAt, Duration.ZERO,
                            Duration.ZERO));
                }
            } finally {
                if (compiled != null && keep) {
                    if (keptForReplay != null) {
                        checker.discard(keptForReplay);
                    }
                    keptForReplay = compiled;
                } else if (compiled != null) {
                    checker.discard(compiled);
                }
            }
        });
    }

    /**
     * Compiles the lesson again, on a thread of its own, until a save (or a key) asks for another run: the JIT
     * compiles javac's code for every thread, so the run thread's compilations get faster too.
     */
    private void warmUpCompiler(Lesson lesson, Kata runKata) {
        Thread.ofPlatform().daemon().name("kata-warm-up").start(() -> {
            try {
                for (int i = 0; i < WARM_UP_COMPILATIONS && run == 1 && !runs.isShutdown(); i++) {
                    checker.discard(checker.compile(lesson, new Code.InLesson(), List.of(runKata)));
                }
            } catch (RuntimeException e) {
                // only a warm-up: the runs report their own problems
            }
        });
    }

    private void reported(RunReported report) {
        switch (report.stage()) {
            case PLAIN_PASSED -> {
                trace("plain", report);
                verdictCheck = report.check();
                status = "The tests that need no schedule exploration pass. Now Fray explores thread schedules on its"
                        + " own JDK (this takes a few seconds) ...\n";
            }
            case DONE -> {
                verdictCheck = report.check();
                KataVerdict verdict = report.check().verdict(kata);
                bench.progress().record(kata, report.fingerprint(), verdict.status());
                solved = bench.progress().solvedCount();
                status = "";
                trace("verdict", report); // last: the screen that shows the verdict is drawn next
            }
            case BROKE -> {
                verdictCheck = null;
                status = "The runner could not run the tests: " + report.problem() + "\n";
                trace("broke", report);
            }
        }
    }

    private void render() {
        if (showingList) {
            terminal.show(ListCommand.render(bench, null, null) + "\nPress any key to go back to " + kata.id()
                    + " (q quits).\n");
            return;
        }
        Lesson lesson = bench.course().lessonOf(kata);
        StringBuilder screen = new StringBuilder();
        screen.append("kata  ").append(VerdictReport.progressBar(solved, bench.course().katas().size())).append("\n\n");
        screen.append("Lesson ").append(lesson.id()).append(": ").append(lesson.title()).append('\n');
        screen.append("Task ").append(kata.task()).append(": ").append(kata.title()).append("   (").append(kata.id())
                .append(")\n");
        screen.append("Edit ").append(bench.shown(bench.learnerFile(kata))).append("   (notes: kata notes ")
                .append(lesson.id()).append(")\n\n");
        screen.append(status);
        if (verdictCheck != null && status.isEmpty()) {
            KataVerdict verdict = verdictCheck.verdict(kata);
            screen.append(VerdictReport.full(verdict, verdictCheck.run() == null ? null : verdictCheck.run().elapsed()));
            if (verdict.status() == KataVerdict.Status.SOLVED) {
                screen.append('\n').append("Solved! ").append(next()
                        .map(next -> "Press n for the next kata: " + next.id() + " (" + next.title() + ").")
                        .orElse("That was the last kata of the course: well done.")).append('\n');
            }
        }
        if (hintsShown > 0) {
            screen.append('\n').append(HintCommand.render(kata, hintsShown));
        }
        screen.append('\n').append(terminal.singleKeys() ? "" : "(type a letter, then Enter)  ")
                .append("h hint  l list  n next kata  r re-run  q quit\n");
        terminal.show(screen.toString());
    }

    private void startKeyReader() {
        Thread.ofPlatform().daemon().name("kata-keys").start(() -> {
            try {
                for (int key = keys.read(); key >= 0; key = keys.read()) {
                    if (key != '\n' && key != '\r') {
                        events.add(new KeyPressed((char) key));
                    }
                }
            } catch (IOException ignored) {
                // no keyboard: watch mode goes on with saves alone
            }
        });
    }

    private void trace(String what, RunReported report) {
        if (trace == null) {
            return;
        }
        String status = report.check() == null ? "BROKE" : report.check().verdict(kata).status().name();
        try {
            long tests = report.check() == null || report.check().run() == null ? 0 : report.check().run().elapsed().toMillis();
            // From the save (or key) to this line: waiting (settling, then for the run thread), compiling, testing.
            long total = Duration.ofNanos(System.nanoTime() - report.askedAt()).toMillis();
            Files.writeString(trace, what + " " + System.currentTimeMillis() + " " + status + " " + kata.id()
                            + " waited-ms=" + report.waited().toMillis()
                            + " compile-ms=" + report.compiling().toMillis() + " tests-ms=" + tests
                            + " total-ms=" + total + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the trace is for measurements only
        }
    }
}
