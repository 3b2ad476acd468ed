package katas.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Partial credit for a kata not solved")
class PartialCreditTest {

    private static final Offset<Double> EXACTLY = Offset.offset(1e-9);

    /** A test of the kata: passed or not, passed by the starter as handed out or not, a stress test or not. */
    private static GradeReport.Test test(String name, boolean passed, boolean asHandedOut, boolean stress) {
        return new GradeReport.Test("katas.locks.CounterTest", name, false, passed, 3, passed ? 3 : 0, null, asHandedOut,
                stress ? Boolean.TRUE : null);
    }

    @Test
    @DisplayName("is nothing for the starter itself: the tests it passes earn nothing of their own")
    void starter() {
        assertThat(Grader.progress(List.of(test("one thread", true, true, false), test("model check", false, false, false),
                test("two threads", false, false, false)))).isZero();
    }

    @Test
    @DisplayName("counts each test newly passed, out of the tests the starter fails")
    void progress() {
        assertThat(Grader.progress(List.of(test("one thread", true, true, false), test("model check", false, false, false),
                test("two threads", true, false, false)))).isCloseTo(0.5, EXACTLY);
    }

    @Test
    @DisplayName("takes back one test newly passed for each test the starter passed and the code now fails")
    void broken() {
        assertThat(Grader.progress(List.of(test("one thread", false, true, false), test("model check", true, false, false),
                test("two threads", true, false, false)))).isCloseTo(0.5, EXACTLY);
        assertThat(Grader.progress(List.of(test("one thread", false, true, false), test("model check", false, false, false),
                test("two threads", true, false, false)))).as("never below 0").isZero();
    }

    @Test
    @DisplayName("gives a stress test nothing, passed or failed: racy code can pass it by luck")
    void stress() {
        assertThat(Grader.progress(List.of(test("one thread", true, true, false), test("model check", false, false, false),
                test("hammering", true, false, true)))).as("a lucky pass").isZero();
        assertThat(Grader.progress(List.of(test("setup", true, false, false), test("model check", false, false, false),
                test("hammering", false, false, true)))).as("a failure costs nothing more than the race the model check found")
                .isCloseTo(0.5, EXACTLY);
    }

    @Test
    @DisplayName("is nothing when the starter passes every test that could earn credit")
    void nothing_to_earn() {
        assertThat(Grader.progress(List.of(test("one thread", true, true, false), test("hammering", true, false, true))))
                .isZero();
    }
}
