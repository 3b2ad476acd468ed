package katas.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Marks a test whose body runs a {@link ModelCheck}, in place of {@code @Test}.
 *
 * <p>Lincheck instruments every class the model check meets the first time it meets it: for an object
 * built on {@code java.util.concurrent} locks and conditions that alone takes over 10 s on an idle 2-core
 * machine, and a minute on a loaded one, past the 30 s that an ordinary test gets. A test marked with this
 * runs once, as a test template, and so gets the template timeout of the kit's
 * {@code junit-platform.properties} (120 s, scaled by {@code -Dkata.timeout.factor} like every other).
 * Its name is the test's display name.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@RepeatedTest(value = 1, name = RepeatedTest.DISPLAY_NAME_PLACEHOLDER)
public @interface ModelCheckTest {
}
