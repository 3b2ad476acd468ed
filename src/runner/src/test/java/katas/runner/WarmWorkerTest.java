package katas.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import katas.core.Checker;
import katas.core.Code;
import katas.core.Kata;
import katas.core.KataVerdict;
import katas.core.WarmWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Kata tests in the warm worker")
class WarmWorkerTest {

    private static final String PAIR = "lessons/01-tiny/src/main/java/katas/tiny/Pair.java";

    /** Two threads that take two locks in opposite orders, each waiting until the other holds its first lock. */
    private static final String DEADLOCKING_PAIR = """
            package katas.tiny;

            import java.util.concurrent.CountDownLatch;

            final class Pair {

                private Pair() {
                }

                static int both() throws InterruptedException {
                    Object left = new Object();
                    Object right = new Object();
                    CountDownLatch bothHoldOne = new CountDownLatch(2);
                    Thread a = new Thread(() -> take(left, right, bothHoldOne), "pair-a");
                    Thread b = new Thread(() -> take(right, left, bothHoldOne), "pair-b");
                    a.start();
                    b.start();
                    a.join();
                    b.join();
                    return 2;
                }

                private static void take(Object first, Object second, CountDownLatch bothHoldOne) {
                    synchronized (first) {
                        bothHoldOne.countDown();
                        try {
                            bothHoldOne.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        synchronized (second) {
                            bothHoldOne.countDown();
                        }
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    FixtureCourse course;
    Workbench bench;
    WarmWorker worker;
    Checker checker;

    @BeforeEach
    void startWorker() {
        course = FixtureCourse.copyTo(dir);
        bench = new Workbench(course.root);
        worker = new WarmWorker(bench.toolchain(), dir.resolve("logs"),
                Map.of("junit.jupiter.execution.timeout.default", "3 s"));
        worker.start();
        checker = bench.checker(worker);
    }

    @AfterEach
    void stopWorker() {
        worker.close();
    }

    @Test
    @DisplayName("judges one save after another in the same JVM")
    void staysWarm() {
        assertThat(verdict("tiny-adder").status()).isEqualTo(KataVerdict.Status.NOT_SOLVED);
        course.write("lessons/01-tiny/src/main/java/katas/tiny/Adder.java",
                course.read("solutions/01-tiny/src/main/java/katas/tiny/Adder.java"));
        assertThat(verdict("tiny-adder").status()).isEqualTo(KataVerdict.Status.SOLVED);
        assertThat(worker.workersStarted()).as("both runs used the first worker").isEqualTo(1);
    }

    @Test
    @DisplayName("cuts off a deadlock, reports its cycle, and replaces the worker its stuck threads polluted")
    void deadlock() {
        course.write(PAIR, DEADLOCKING_PAIR);
        KataVerdict stuck = verdict("tiny-pair");
        assertThat(stuck.status()).isEqualTo(KataVerdict.Status.NOT_SOLVED);
        assertThat(stuck.failures()).singleElement().satisfies(failure -> assertThat(failure.message())
                .contains("did not finish in time", "Deadlock:", "`pair-a` holds", "`pair-b` holds"));
        assertThat(worker.workersStarted()).as("a fresh worker replaces the one with the deadlocked threads")
                .isEqualTo(2);

        course.write(PAIR, course.read("solutions/01-tiny/src/main/java/katas/tiny/Pair.java"));
        assertThat(verdict("tiny-pair").status()).isEqualTo(KataVerdict.Status.SOLVED);
    }

    private KataVerdict verdict(String id) {
        Kata kata = bench.course().kata(id).orElseThrow();
        var lesson = bench.course().lessonOf(kata);
        Checker.Compiled compiled = checker.compile(lesson, new Code.InLesson(), List.of(kata));
        try {
            return checker.runPlain(compiled, List.of(kata)).verdict(kata);
        } finally {
            checker.discard(compiled);
        }
    }
}
