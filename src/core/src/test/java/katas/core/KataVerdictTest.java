package katas.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A kata verdict")
class KataVerdictTest {

    private static final Kata KATA = new Kata("k", 1, "t", "katas/x/K.java", List.of("katas.x.KTest"), List.of(), List.of());

    @Test
    @DisplayName("is SOLVED when every test of the kata passed")
    void solved() {
        assertThat(verdict(outcome(TestOutcome.Status.PASSED, false)).status()).isEqualTo(KataVerdict.Status.SOLVED);
    }

    @Test
    @DisplayName("is NOT_SOLVED when a test failed on an assertion")
    void notSolved() {
        KataVerdict verdict = verdict(outcome(TestOutcome.Status.PASSED, false), outcome(TestOutcome.Status.FAILED, true));
        assertThat(verdict.status()).isEqualTo(KataVerdict.Status.NOT_SOLVED);
        assertThat(verdict.passed()).isEqualTo(1);
        assertThat(verdict.failed()).isEqualTo(1);
    }

    @Test
    @DisplayName("is ERROR when a test crashed, was skipped, or the kata's tests never reported")
    void error() {
        assertThat(verdict(outcome(TestOutcome.Status.FAILED, false)).status()).isEqualTo(KataVerdict.Status.ERROR);
        assertThat(verdict(outcome(TestOutcome.Status.SKIPPED, false)).status()).isEqualTo(KataVerdict.Status.ERROR);
        assertThat(verdict().status()).isEqualTo(KataVerdict.Status.ERROR);
    }

    @Test
    @DisplayName("counts the tests of nested classes as the kata's")
    void nestedClasses() {
        TestOutcome nested = new TestOutcome("katas.x.KTest$WhenFull", "blocks", TestOutcome.Status.FAILED, true, null, "m",
                List.of());
        assertThat(verdict(nested).status()).isEqualTo(KataVerdict.Status.NOT_SOLVED);
    }

    @Test
    @DisplayName("shows a kit message without its details")
    void summary() {
        TestOutcome failed = new TestOutcome("katas.x.KTest", "t", TestOutcome.Status.FAILED, true, "java.lang.AssertionError",
                "what went wrong\nWhat to look at: this\n--- details ---\nraw", List.of());
        assertThat(failed.summary()).isEqualTo("what went wrong\nWhat to look at: this");
    }

    private static TestOutcome outcome(TestOutcome.Status status, boolean assertion) {
        return new TestOutcome("katas.x.KTest", "a test", status, assertion, null, "message", List.of("task:1"));
    }

    private static KataVerdict verdict(TestOutcome... outcomes) {
        return KataVerdict.of(KATA, new RunResult(List.of(outcomes), false, 0, "", Duration.ZERO));
    }
}
