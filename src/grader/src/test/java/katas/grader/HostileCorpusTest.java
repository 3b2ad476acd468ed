package katas.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katas.grader.GradeReport.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The corpus: broken and hostile submissions of the fixture course, graded together in one session
 * (two at a time, each kata run twice), each graded exactly as it deserves and none above it.
 *
 * <p>The fixture's points: counter 2 (two visible tests, one hidden), transfer 1 (two tests), tally 1
 * (three tests), gate 1 (two visible, one hidden); 5 in all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The grader, given broken and hostile submissions,")
class HostileCorpusTest {

    private static final String PACKAGE = "package katas.counting;\n\n";

    /** A Counter kata whose code ends the test JVM the first time it counts. */
    private static String counterThatExits() {
        return PACKAGE + """
                public class Counter {
                    private int count;
                    public void increment() { System.exit(3); }
                    public int value() { return count; }
                }
                """;
    }

    private final Map<String, String> submissions = new LinkedHashMap<>();
    private GradingSession session;
    private GradeReport report;
    private double seconds;

    @BeforeAll
    void gradeTheCorpus() throws Exception {
        Path course = Fixture.instructorCourse("corpus");
        add("solved", Fixture.Submission.handedOut("solved").allSolved().path());
        add("untouched", Fixture.Submission.handedOut("untouched").path());
        // Not Transfers: the fixture's stand-in for a test that explores schedules is a plain run, which the starter's
        // deadlock can slip through (the course's own katas explore schedules for real).
        Fixture.Submission commented = Fixture.Submission.handedOut("starter-with-comments");
        for (String file : List.of("01-counting/src/main/java/katas/counting/Counter.java",
                "01-counting/src/main/java/katas/counting/Tally.java", "02-signals/src/main/java/katas/signals/Gate.java")) {
            commented.write("lessons/" + file, Fixture.read(commented.root.resolve("lessons/" + file)) + "\n// Not started yet.\n");
        }
        add("starter-with-comments", commented.path());
        // The solution with the amounts the wrong way round: deadlock-free now, but it no longer moves money as it did.
        String wrongWayRound = Fixture.read(Fixture.resource().resolve("solutions/01-counting/src/main/java/katas/counting/Transfers.java"))
                .replace("from.add(-amount);", "from.add(amount);").replace("to.add(amount);", "to.add(-amount);");
        assertThat(wrongWayRound).as("the fixture's solution moves money as this case expects")
                .contains("from.add(amount);", "to.add(-amount);");
        add("breaks-what-worked", Fixture.Submission.handedOut("breaks-what-worked").counting("Transfers", wrongWayRound).path());
        add("system-exit", Fixture.Submission.handedOut("system-exit")
                .counting("Counter", counterThatExits()).solved("01-counting", "katas/counting/Tally.java").path());
        add("endless-loop", Fixture.Submission.handedOut("endless-loop")
                .counting("Tally", PACKAGE + """
                        public class Tally {
                            private int total;
                            public void add(int amount) { while (true) { Thread.onSpinWait(); } }
                            public int total() { return total; }
                        }
                        """).solved("01-counting", "katas/counting/Transfers.java").path());
        add("deadlock", Fixture.Submission.handedOut("deadlock")
                .counting("Transfers", PACKAGE + """
                        import java.util.concurrent.CyclicBarrier;
                        import java.util.concurrent.TimeUnit;
                        public class Transfers {
                            // Makes two opposite transfers each hold their first lock before taking the second.
                            private static final CyclicBarrier BOTH_HOLD_ONE = new CyclicBarrier(2);
                            public void transfer(Account from, Account to, int amount) {
                                synchronized (from) {
                                    if (BOTH_HOLD_ONE.isBroken()) { BOTH_HOLD_ONE.reset(); }
                                    try { BOTH_HOLD_ONE.await(1, TimeUnit.SECONDS); } catch (Exception alone) { }
                                    synchronized (to) { from.add(-amount); to.add(amount); }
                                }
                            }
                        }
                        """).path());
        add("leaked-thread", Fixture.Submission.handedOut("leaked-thread")
                .counting("Counter", PACKAGE + """
                        import java.util.concurrent.atomic.AtomicBoolean;
                        import java.util.concurrent.locks.LockSupport;
                        public class Counter {
                            private static final AtomicBoolean STARTED = new AtomicBoolean();
                            private int count;
                            public synchronized void increment() {
                                if (STARTED.compareAndSet(false, true)) {
                                    new Thread(() -> { while (true) { LockSupport.park(); } }, "never-ends").start();
                                }
                                count++;
                            }
                            public synchronized int value() { return count; }
                        }
                        """).path());
        add("output-flood", Fixture.Submission.handedOut("output-flood")
                .counting("Tally", PACKAGE + """
                        public class Tally {
                            private static boolean flooded;
                            private int total;
                            public void add(int amount) {
                                if (!flooded) {
                                    flooded = true;
                                    byte[] line = new byte[1024 * 1024];
                                    java.util.Arrays.fill(line, (byte) 'x');
                                    for (int i = 0; i < 100; i++) { System.out.write(line, 0, line.length); }
                                    System.out.flush();
                                }
                                total += amount;
                            }
                            public int total() { return total; }
                        }
                        """).path());
        add("out-of-memory", Fixture.Submission.handedOut("out-of-memory")
                .counting("Counter", PACKAGE + """
                        public class Counter {
                            private final java.util.List<long[]> hoard = new java.util.ArrayList<>();
                            private int count;
                            public synchronized void increment() { while (true) { hoard.add(new long[4 << 20]); } }
                            public synchronized int value() { return count; }
                        }
                        """).solved("01-counting", "katas/counting/Tally.java").path());
        String testsGutted = PACKAGE + """
                import org.junit.jupiter.api.Test;
                class CounterTest {
                    @Test void counts_on_one_thread() { }
                    @Test void loses_nothing() { }
                }
                """;
        add("edited-tests", Fixture.Submission.handedOut("edited-tests")
                .write("lessons/01-counting/src/test/java/katas/counting/CounterTest.java", testsGutted)
                .write("course.yaml", Fixture.read(Fixture.resource().resolve("course.yaml")).replace("points: 2", "points: 200"))
                .counting("Counter", PACKAGE + """
                        public class Counter {
                            public void increment() { }
                            public int value() { return 0; }
                        }
                        """).path());
        String tallyTest = Fixture.read(Fixture.resource().resolve("lessons/01-counting/src/test/java/katas/counting/TallyTest.java"));
        add("disabled-tests", Fixture.Submission.handedOut("disabled-tests")
                .write("lessons/01-counting/src/test/java/katas/counting/TallyTest.java",
                        tallyTest.replace("@Tag(\"task:3\")", "@Tag(\"task:3\")\n@org.junit.jupiter.api.Disabled"))
                .counting("Tally", PACKAGE + """
                        public class Tally {
                            public void add(int amount) { }
                            public int total() { return -1; }
                        }
                        """).path());
        add("shadows-the-kit", Fixture.Submission.handedOut("shadows-the-kit")
                .write("lessons/01-counting/src/main/java/katas/testkit/Workers.java", """
                        package katas.testkit;
                        /** Runs every task on the test thread, one after another: no race could ever show. */
                        public final class Workers implements AutoCloseable {
                            public interface IndexedTask { void run(int index) throws Exception; }
                            public java.util.List<Thread> startTogether(String prefix, int count, IndexedTask task) {
                                try { for (int i = 0; i < count; i++) { task.run(i); } } catch (Exception e) { throw new RuntimeException(e); }
                                return java.util.List.of();
                            }
                            public void joinAll() { }
                            public void close() { }
                        }
                        """)
                .counting("Counter", PACKAGE + """
                        public class Counter {
                            private int count;
                            // Counts only on the test's own thread: right only if the tests never start threads.
                            public synchronized void increment() { if (!Thread.currentThread().getName().startsWith("counter")) { count++; } }
                            public synchronized int value() { return count; }
                        }
                        """)
                .counting("Tally", """
                        package katas.testkit;
                        public class Tally { }
                        class Failures { }
                        """).path());
        add("reads-secrets", Fixture.Submission.handedOut("reads-secrets")
                .counting("Counter", PACKAGE + SECRET_SEEKER).path());
        add("order-dependent", Fixture.Submission.handedOut("order-dependent")
                .counting("Tally", PACKAGE + """
                        public class Tally {
                            private static int lastTotal; // shared by every tally: a fresh one reports another's total
                            private int own;
                            public void add(int amount) { own += amount; lastTotal = own; }
                            public int total() { return own == 0 ? lastTotal : own; }
                        }
                        """).path());
        add("compile-error", Fixture.Submission.handedOut("compile-error").solved("01-counting", "katas/counting/Counter.java")
                .write("lessons/02-signals/src/main/java/katas/signals/Gate.java",
                        "package katas.signals;\npublic class Gate {\n    public void open() { oops }\n}\n").path());
        add("missing-files", Fixture.Submission.empty("missing-files").solved("01-counting", "katas/counting/Counter.java")
                .path());
        Path zip = Fixture.fresh("corpus/zip-slip").resolve("zip-slip.zip");
        String counter = Fixture.read(Fixture.resource().resolve("solutions/01-counting/src/main/java/katas/counting/Counter.java"));
        Fixture.zip(zip, List.of(
                new String[] {"course/lessons/01-counting/src/main/java/katas/counting/Counter.java", counter},
                new String[] {"../../escaped-by-zip-slip.txt", "written outside"},
                new String[] {"/tmp/absolute-by-zip-slip.txt", "written anywhere"},
                new String[] {"course/lessons/../../../escaped-too.java", "class X { }"}));
        add("zip-slip", zip.toString());
        add("racy", Fixture.Submission.handedOut("racy")
                .counting("Transfers", PACKAGE + """
                        import java.nio.file.Files;
                        import java.nio.file.Path;
                        public class Transfers {
                            // Stands for a race that is lost on some runs only: right on the first run, wrong on later ones.
                            // Each run starts in a folder of its own, within the grading session's folder (which holds "submitted").
                            private static final boolean LATER_RUN = mark();
                            private static boolean mark() {
                                Path session = Path.of("").toAbsolutePath();
                                while (session.getParent() != null && !Files.isDirectory(session.resolve("submitted"))) {
                                    session = session.getParent();
                                }
                                Path marker = session.resolve("racy-marker");
                                if (Files.exists(marker)) { return true; }
                                try { Files.createFile(marker); } catch (java.io.IOException e) { }
                                return false;
                            }
                            public void transfer(Account from, Account to, int amount) {
                                Account first = from.id() < to.id() ? from : to;
                                Account second = first == from ? to : from;
                                synchronized (first) { synchronized (second) {
                                    from.add(-amount);
                                    to.add(LATER_RUN ? amount - 1 : amount);
                                } }
                            }
                        }
                        """).path());
        add("fails-a-hidden-test", Fixture.Submission.handedOut("fails-a-hidden-test")
                .write("lessons/02-signals/src/main/java/katas/signals/Gate.java", """
                        package katas.signals;
                        public class Gate {
                            private boolean open;
                            public synchronized void open() {
                                if (open) { throw new IllegalStateException("the gate is already open"); }
                                open = true;
                                notifyAll();
                            }
                            public synchronized void await() throws InterruptedException { while (!open) { wait(); } }
                        }
                        """).path());
        Fixture.Submission linked = Fixture.Submission.handedOut("links-to-the-solution");
        Path counterFile = linked.root.resolve("lessons/01-counting/src/main/java/katas/counting/Counter.java");
        Files.delete(counterFile);
        Files.createSymbolicLink(counterFile, course.resolve("solutions/01-counting/src/main/java/katas/counting/Counter.java"));
        add("links-to-the-solution", linked.path());
        add("skips-its-tests", Fixture.Submission.handedOut("skips-its-tests")
                .counting("Tally", PACKAGE + """
                        public class Tally {
                            // Kata code compiles against the JDK alone; the test JVM has JUnit's "skip me" exception.
                            public void add(int amount) {
                                try {
                                    throw (RuntimeException) Class.forName("org.opentest4j.TestAbortedException")
                                            .getConstructor(String.class).newInstance("nothing to see");
                                } catch (ReflectiveOperationException e) { throw new IllegalStateException(e); }
                            }
                            public int total() { return 0; }
                        }
                        """).path());

        // Lessons of one submission share a test JVM first: one lesson's code must not cost another its points.
        add("exits-beside-a-lesson", Fixture.Submission.handedOut("exits-beside-a-lesson")
                .counting("Counter", counterThatExits()).solved("02-signals", "katas/signals/Gate.java").path());
        add("spins-beside-a-lesson", Fixture.Submission.handedOut("spins-beside-a-lesson")
                .counting("Counter", PACKAGE + """
                        public class Counter {
                            private int count;
                            public synchronized void increment() {
                                if (count == 0) {
                                    new Thread(() -> { while (true) { Thread.onSpinWait(); } }, "spins-forever").start();
                                }
                                count++;
                            }
                            public synchronized int value() { return count; }
                        }
                        """).solved("02-signals", "katas/signals/Gate.java").path());

        GradingConfig settings = Fixture.settings(course, 2);
        settings.parallel = 2;
        long started = System.nanoTime();
        session = GradingSession.open(course, settings, null, GradingSession.kataLibraries());
        List<ClassGrader.Entry> entries = new ArrayList<>();
        submissions.forEach((name, path) -> entries.add(new ClassGrader.Entry(path, name)));
        report = new ClassGrader(session).grade(entries, done -> System.out.printf("[corpus] %d/%d %-22s %s/%s (%.1f s)%n",
                done.done(), done.total(), done.student().student(), done.student().score(), done.student().maxScore(),
                done.student().seconds()));
        seconds = (System.nanoTime() - started) / 1e9;
        ReportWriter.writeAll(report, Fixture.BASE.resolve("corpus-reports"));
        System.out.printf("[corpus] %d submissions graded in %.0f s%n", submissions.size(), seconds);
    }

    @AfterAll
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private void add(String name, String path) {
        submissions.put(name, path);
    }

    private GradeReport.Student student(String name) {
        return report.students().stream().filter(s -> s.student().equals(name)).findFirst().orElseThrow();
    }

    private GradeReport.Kata kata(String student, String kata) {
        return student(student).lessons().stream().flatMap(l -> l.katas().stream()).filter(k -> k.kata().equals(kata))
                .findFirst().orElseThrow();
    }

    @Test
    @DisplayName("has at least 15 hostile cases besides the solved and untouched copies")
    void corpus_size() {
        assertThat(submissions).hasSizeGreaterThanOrEqualTo(19);
    }

    @Test
    @DisplayName("gives a solved copy full marks, every kata solved on every run, hidden tests marked")
    void solved() {
        GradeReport.Student solved = student("solved");
        assertThat(solved.score()).isEqualTo(5.0);
        assertThat(solved.maxScore()).isEqualTo(5.0);
        solved.lessons().forEach(lesson -> lesson.katas().forEach(kata -> {
            assertThat(kata.status()).as(kata.kata()).isEqualTo(Status.SOLVED);
            assertThat(kata.passedRuns()).as(kata.kata()).isEqualTo(2);
        }));
        assertThat(kata("solved", "counting-counter").tests()).anyMatch(t -> t.hidden() && t.name().equals("a new counter reads zero"));
        assertThat(kata("solved", "signals-gate").tests()).filteredOn(GradeReport.Test::hidden).hasSize(1);
    }

    @Test
    @DisplayName("scores the course as handed out 0 without running a test")
    void untouched() {
        GradeReport.Student untouched = student("untouched");
        assertThat(untouched.score()).isZero();
        assertThat(untouched.cost().test()).isZero();
        assertThat(untouched.cost().skippedLessons()).isEqualTo(2);
        untouched.lessons().forEach(lesson -> lesson.katas().forEach(kata ->
                assertThat(kata.status()).isEqualTo(Status.NOT_STARTED)));
    }

    @Test
    @DisplayName("gives the starter with comments added 0, as it gives the untouched starter, though it passes some tests")
    void starter_with_comments() {
        GradeReport.Student commented = student("starter-with-comments");
        assertThat(commented.score()).isZero();
        assertThat(commented.cost().test()).as("it was run, not skipped").isPositive();
        GradeReport.Kata tally = kata("starter-with-comments", "counting-tally");
        assertThat(tally.tests()).filteredOn(t -> t.name().equals("a new tally starts at zero")).singleElement()
                .satisfies(t -> {
                    assertThat(t.passed()).isTrue();
                    assertThat(t.passesAsHandedOut()).isTrue();
                });
        assertThat(tally.tests()).filteredOn(t -> t.name().equals("adds what it is given")).singleElement()
                .satisfies(t -> assertThat(t.passesAsHandedOut()).isFalse());
    }

    @Test
    @DisplayName("lets a test the change broke take back the credit of one it fixed, and says it worked as handed out")
    void breaks_what_worked() {
        GradeReport.Kata transfer = kata("breaks-what-worked", "counting-transfer");
        assertThat(transfer.status()).isEqualTo(Status.FAILED);
        assertThat(transfer.score()).isZero();
        assertThat(MarkdownFeedback.of(student("breaks-what-worked"), report.settings()))
                .containsPattern("`moves money from one account to the other`[^\\n]* \\(the code as handed out passes it: a change broke it\\)");
    }

    @Test
    @DisplayName("charges System.exit to its kata only, and says so")
    void system_exit() {
        GradeReport.Kata counter = kata("system-exit", "counting-counter");
        assertThat(counter.status()).isEqualTo(Status.ERROR);
        assertThat(counter.tests()).filteredOn(t -> !t.hidden()).noneMatch(GradeReport.Test::passed);
        assertThat(counter.reason()).contains("System.exit(3)");
        assertThat(counter.tests()).filteredOn(GradeReport.Test::hidden).singleElement()
                .satisfies(t -> assertThat(t.passed()).as("the hidden test class, run on its own, is not charged").isTrue());
        assertThat(kata("system-exit", "counting-tally").status()).isEqualTo(Status.SOLVED);
        assertThat(student("system-exit").score()).isLessThanOrEqualTo(1 + 2.0 / 3 + 0.01);
    }

    @Test
    @DisplayName("repeats the tests worth repeating, and runs a test that explores interleavings itself once")
    void exploring_tests_run_once() {
        GradeReport.Kata transfer = kata("solved", "counting-transfer");
        assertThat(transfer.status()).isEqualTo(Status.SOLVED);
        assertThat(transfer.tests()).filteredOn(t -> t.name().equals("moves money from one account to the other"))
                .singleElement().satisfies(t -> assertThat(t.runs()).isEqualTo(2));
        assertThat(transfer.tests()).filteredOn(t -> t.name().startsWith("transfers in opposite directions"))
                .singleElement().satisfies(t -> assertThat(t.runs()).as("tagged ModelCheck, so run once").isEqualTo(1));
    }

    @Test
    @DisplayName("grades a lesson on its own when another lesson's code ends the JVM they shared")
    void exit_beside_another_lesson() {
        assertThat(kata("exits-beside-a-lesson", "signals-gate").status()).isEqualTo(Status.SOLVED);
        GradeReport.Kata counter = kata("exits-beside-a-lesson", "counting-counter");
        assertThat(counter.status()).isEqualTo(Status.ERROR);
        assertThat(counter.reason()).contains("System.exit(3)");
    }

    @Test
    @DisplayName("does not let a thread one lesson leaves spinning cost another lesson its points")
    void thread_left_spinning_beside_another_lesson() {
        assertThat(kata("spins-beside-a-lesson", "signals-gate").status()).isEqualTo(Status.SOLVED);
        GradeReport.Kata counter = kata("spins-beside-a-lesson", "counting-counter");
        assertThat(counter.status()).isNotEqualTo(Status.SOLVED);
        assertThat(counter.reason()).contains("spins-forever").contains("still running");
    }

    @Test
    @DisplayName("cuts an endless loop off at the per-test timeout; the other kata keeps its credit")
    void endless_loop() {
        GradeReport.Kata tally = kata("endless-loop", "counting-tally");
        assertThat(tally.status()).isNotEqualTo(Status.SOLVED);
        assertThat(tally.tests()).filteredOn(t -> t.name().equals("adds what it is given")).singleElement()
                .satisfies(t -> assertThat(t.message()).contains("did not finish in time"));
        assertThat(tally.score()).isLessThanOrEqualTo(0.34);
        assertThat(kata("endless-loop", "counting-transfer").status()).isEqualTo(Status.SOLVED);
    }

    @Test
    @DisplayName("reports a deadlock with its cycle")
    void deadlock() {
        GradeReport.Kata transfer = kata("deadlock", "counting-transfer");
        assertThat(transfer.status()).isEqualTo(Status.FAILED);
        assertThat(transfer.reason()).contains("transfer-1-to-2").contains("transfer-2-to-1").containsIgnoringCase("deadlock");
        assertThat(transfer.score()).isLessThanOrEqualTo(0.5);
    }

    @Test
    @DisplayName("fails a kata that leaves a thread running forever, and goes on")
    void leaked_thread() {
        GradeReport.Kata counter = kata("leaked-thread", "counting-counter");
        assertThat(counter.status()).isNotEqualTo(Status.SOLVED);
        assertThat(counter.reason()).contains("never-ends").contains("still running");
    }

    @Test
    @DisplayName("drops 100 MB of output beyond its cap without breaking the tests or the reports")
    void output_flood() throws IOException {
        assertThat(kata("output-flood", "counting-tally").status()).isEqualTo(Status.SOLVED);
        assertThat(Files.size(Fixture.BASE.resolve("corpus-reports/grades.json"))).isLessThan(2_000_000);
    }

    @Test
    @DisplayName("charges running out of memory to its kata, with the reason")
    void out_of_memory() {
        GradeReport.Kata counter = kata("out-of-memory", "counting-counter");
        assertThat(counter.status()).isIn(Status.ERROR, Status.FAILED);
        assertThat(counter.tests()).filteredOn(t -> !t.hidden()).noneMatch(GradeReport.Test::passed);
        assertThat(counter.reason() + counter.tests()).containsAnyOf("ran out of memory", "OutOfMemoryError");
        assertThat(kata("out-of-memory", "counting-tally").status()).isEqualTo(Status.SOLVED);
    }

    @Test
    @DisplayName("grades edited tests and manifest on the pristine ones, and reports the edits")
    void edited_tests() {
        GradeReport.Student edited = student("edited-tests");
        assertThat(kata("edited-tests", "counting-counter").status()).isEqualTo(Status.FAILED);
        assertThat(kata("edited-tests", "counting-counter").maxScore()).isEqualTo(2.0);
        assertThat(edited.score()).isLessThanOrEqualTo(2.0 / 3 + 0.01);
        assertThat(edited.intake().changed()).contains("lessons/01-counting/src/test/java/katas/counting/CounterTest.java",
                "course.yaml");
    }

    @Test
    @DisplayName("ignores @Disabled added to the tests")
    void disabled_tests() {
        assertThat(kata("disabled-tests", "counting-tally").score()).isZero();
        assertThat(student("disabled-tests").intake().changed())
                .contains("lessons/01-counting/src/test/java/katas/counting/TallyTest.java");
    }

    @Test
    @DisplayName("never lets a submission's class stand in for the test kit's")
    void shadows_the_kit() {
        GradeReport.Kata counter = kata("shadows-the-kit", "counting-counter");
        assertThat(counter.status()).isEqualTo(Status.FAILED);
        assertThat(counter.tests()).filteredOn(t -> t.name().startsWith("loses no increment")).singleElement()
                .satisfies(t -> assertThat(t.passed()).isFalse());
        assertThat(student("shadows-the-kit").intake().ignored()).anyMatch(f -> f.startsWith(
                "lessons/01-counting/src/main/java/katas/testkit/Workers.java"));
        GradeReport.Kata tally = kata("shadows-the-kit", "counting-tally");
        assertThat(tally.status()).isEqualTo(Status.ERROR);
        assertThat(tally.score()).isZero();
    }

    @Test
    @DisplayName("keeps solutions and hidden test sources out of what the submission's JVM can see")
    void reads_secrets() {
        GradeReport.Kata counter = kata("reads-secrets", "counting-counter");
        assertThat(counter.score()).isZero();
        assertThat(counter.tests()).noneMatch(GradeReport.Test::passed);
        // It searched and found nothing (a search cut off by the timeout would prove nothing).
        assertThat(counter.tests()).filteredOn(t -> !t.hidden()).allSatisfy(t -> assertThat(t.message()).contains("Not written yet"));
    }

    @Test
    @DisplayName("gives no credit for a test that static state from the other tests breaks")
    void order_dependent() {
        GradeReport.Kata tally = kata("order-dependent", "counting-tally");
        assertThat(tally.status()).isIn(Status.RACY, Status.FAILED);
        assertThat(tally.score()).isLessThan(1.0);
    }

    @Test
    @DisplayName("grades the other lesson when one does not compile")
    void compile_error() {
        GradeReport.Kata gate = kata("compile-error", "signals-gate");
        assertThat(gate.status()).isEqualTo(Status.ERROR);
        assertThat(gate.reason()).contains("does not compile").contains("Gate.java");
        assertThat(kata("compile-error", "counting-counter").status()).isEqualTo(Status.SOLVED);
        assertThat(student("compile-error").score()).isEqualTo(2.0);
    }

    @Test
    @DisplayName("grades missing kata files as not started, and lists them")
    void missing_files() {
        GradeReport.Student missing = student("missing-files");
        assertThat(missing.score()).isEqualTo(2.0);
        assertThat(missing.intake().missing()).hasSize(3);
        assertThat(kata("missing-files", "signals-gate").status()).isEqualTo(Status.NOT_STARTED);
    }

    @Test
    @DisplayName("rejects zip entries that point outside the submission, and grades the rest")
    void zip_slip() {
        GradeReport.Student zipped = student("zip-slip");
        assertThat(zipped.intake().rejected()).hasSize(3);
        assertThat(kata("zip-slip", "counting-counter").status()).isEqualTo(Status.SOLVED);
        assertThat(Fixture.BASE.resolve("escaped-by-zip-slip.txt")).doesNotExist();
        assertThat(Path.of("/tmp/absolute-by-zip-slip.txt")).doesNotExist();
    }

    @Test
    @DisplayName("gives a racy solution no credit for what it passed only sometimes, and shows the pass rate")
    void racy() {
        GradeReport.Kata transfer = kata("racy", "counting-transfer");
        assertThat(transfer.status()).isEqualTo(Status.RACY);
        assertThat(transfer.reason()).startsWith("Passed 1/2 runs: a check of the tests passed in one run and failed in"
                + " another, so your solution has a race");
        assertThat(transfer.score()).isLessThan(1.0);
    }

    @Test
    @DisplayName("counts a hidden test like the others without showing its name or message")
    void fails_a_hidden_test() {
        GradeReport.Kata gate = kata("fails-a-hidden-test", "signals-gate");
        assertThat(gate.status()).isNotEqualTo(Status.SOLVED);
        assertThat(gate.score()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(gate.reason()).contains("hidden").doesNotContain("opening twice").doesNotContain("already open");
        String feedback = MarkdownFeedback.of(student("fails-a-hidden-test"), report.settings());
        assertThat(feedback).contains("a hidden test did not pass").doesNotContain("opening twice");
    }

    @Test
    @DisplayName("never follows a link out of the submission")
    void links_to_the_solution() {
        GradeReport.Student linked = student("links-to-the-solution");
        assertThat(linked.intake().rejected()).anyMatch(r -> r.contains("Counter.java") && r.contains("link"));
        assertThat(kata("links-to-the-solution", "counting-counter").score()).isZero();
    }

    @Test
    @DisplayName("gives no credit for tests the code made skip themselves")
    void skips_its_tests() {
        GradeReport.Kata tally = kata("skips-its-tests", "counting-tally");
        assertThat(tally.status()).isNotEqualTo(Status.SOLVED);
        assertThat(tally.score()).isLessThanOrEqualTo(0.34);
    }

    @Test
    @DisplayName("never gives more than the solved copy, and reuses identical lessons")
    void none_inflated() {
        report.students().forEach(s -> assertThat(s.score()).as(s.student()).isLessThanOrEqualTo(5.0));
        report.students().stream().filter(s -> !s.student().equals("solved"))
                .forEach(s -> assertThat(s.score()).as(s.student()).isLessThan(5.0));
        assertThat(report.students().stream().mapToInt(s -> s.cost().cachedLessons()).sum()).isPositive();
    }

    /**
     * A counter that works only if it can find the course's solutions or hidden test sources from what its
     * JVM tells it (working folder, class path, system properties) and the folders around those.
     */
    private static final String SECRET_SEEKER = """
            import java.io.IOException;
            import java.nio.file.FileVisitResult;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.SimpleFileVisitor;
            import java.nio.file.attribute.BasicFileAttributes;
            import java.util.EnumSet;
            import java.util.LinkedHashSet;
            import java.util.Set;
            public class Counter {
                private static final boolean FOUND = look();
                private int count;
                private static boolean look() {
                    Set<Path> starts = new LinkedHashSet<>();
                    starts.add(Path.of(System.getProperty("user.dir")));
                    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                        starts.add(Path.of(entry));
                    }
                    // Every folder the JVM names, and two folders up from each (the session folder, from its libraries).
                    Set<Path> places = new LinkedHashSet<>();
                    Path jdk = Path.of(System.getProperty("java.home"));
                    Path home = Path.of(System.getProperty("user.home"));
                    for (Path start : starts) {
                        Path at = start.toAbsolutePath();
                        for (int up = 0; up <= 2 && at != null && at.getParent() != null; up++, at = at.getParent()) {
                            if (!at.startsWith(jdk) && !home.startsWith(at) && !at.startsWith(home)) {
                                places.add(at);
                            }
                        }
                    }
                    boolean[] found = {false};
                    int[] seen = {0};
                    for (Path place : places) {
                        try {
                            Files.walkFileTree(place, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 4, new SimpleFileVisitor<>() {
                                @Override
                                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                                    if (dir.startsWith("/proc") || dir.startsWith("/sys") || dir.startsWith("/dev")) {
                                        return FileVisitResult.SKIP_SUBTREE;
                                    }
                                    return check(dir);
                                }
                                @Override
                                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                                    return check(file);
                                }
                                @Override
                                public FileVisitResult visitFileFailed(Path file, IOException e) {
                                    return FileVisitResult.CONTINUE;
                                }
                                private FileVisitResult check(Path path) {
                                    if (path.endsWith("solutions/01-counting") || path.getFileName() != null
                                            && path.getFileName().toString().equals("CounterHiddenTest.java")) {
                                        found[0] = true;
                                        System.out.println("found " + path);
                                        return FileVisitResult.TERMINATE;
                                    }
                                    return ++seen[0] > 300_000 ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                                }
                            });
                        } catch (IOException | RuntimeException unreadable) { }
                        if (found[0]) { return true; }
                    }
                    return false;
                }
                public synchronized void increment() {
                    if (!FOUND) { throw new UnsupportedOperationException("TODO: no solution found to copy"); }
                    count++;
                }
                public synchronized int value() {
                    if (!FOUND) { throw new UnsupportedOperationException("TODO: no solution found to copy"); }
                    return count;
                }
            }
            """;
}
