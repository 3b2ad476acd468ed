package katas.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test whose body runs a {@link ModelCheck}, in place of {@code @Test}.
 *
 * <p>Lincheck instruments every class the model check meets the first time it meets it: for an object
 * built on {@code java.util.concurrent} locks and conditions that alone takes over 10 s on an idle 2-core
 * machine, and a minute on a loaded one, past the 30 s that an ordinary test gets. A test marked with this
 * runs once, as a test template, and so gets the template timeout of the kit's
 * {@code junit-platform.properties} (120 s, scaled by {@code -Dkata.timeout.factor} like every other).
 * Its name is the test's display name.
 *
 * <p>Every test that runs a model check is marked with this, and so tagged {@value #TAG}: a model check
 * tries the interleavings itself, so the grader runs it once, where it repeats other tests to catch
 * races that show up only in some runs (as it does with Fray's tests).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@RepeatedTest(value = 1, name = RepeatedTest.DISPLAY_NAME_PLACEHOLDER)
@Tag(ModelCheckTest.TAG)
public @interface ModelCheckTest {

    /** The tag of every model-check test (the core's {@code Checker.MODEL_CHECK_TAG} spells it too). */
    String TAG = "ModelCheck";
}
