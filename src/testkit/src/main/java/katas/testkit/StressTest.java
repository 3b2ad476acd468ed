package katas.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Marks a stress test, in place of {@code @Test}: threads hammering the code flat out, beside a test
 * that explores the interleavings themselves (a {@link ModelCheckTest} or a Fray test).
 *
 * <p>A stress test samples the schedules this machine happens to run, so racy code can pass it by luck,
 * several times in a row when the JIT makes a loop too quick to overlap. It still must pass for its kata
 * to be solved, and its failure still shows the race in numbers; but the grader gives it no partial
 * credit of its own, so luck never earns points. Tagged {@value #TAG}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@Tag(StressTest.TAG)
public @interface StressTest {

    /** The tag of every stress test (the core's {@code Checker.STRESS_TAG} spells it too). */
    String TAG = "Stress";
}
