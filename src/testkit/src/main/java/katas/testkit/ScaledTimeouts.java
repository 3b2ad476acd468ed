package katas.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Scales JUnit's per-test timeouts by {@code -Dkata.timeout.factor}, like every other delay of the kit,
 * so one property is enough for a slow machine or a grader.
 *
 * <p>Registered through {@code META-INF/services}, it runs before the first test in Maven, in an IDE and
 * in the kata tools. It reads the timeouts in force (from {@code junit-platform.properties}) and, when the
 * factor is not 1, sets the scaled values as system properties, which JUnit consults first. A timeout
 * given explicitly ({@code -Djunit.jupiter.execution.timeout.default=...}, or a launcher's own
 * configuration) is left as it is.
 */
public final class ScaledTimeouts implements TestExecutionListener {

    /** The timeouts the kit sets: every test, and test templates (a {@code @FrayTest} runs all its schedules in one). */
    static final List<String> KEYS = List.of(
            "junit.jupiter.execution.timeout.default",
            "junit.jupiter.execution.timeout.testtemplate.method.default");

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*(ns|μs|ms|s|m|h|d)?\\s*", Pattern.CASE_INSENSITIVE);

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (Delays.FACTOR == 1) {
            return;
        }
        ConfigurationParameters configuration = testPlan.getConfigurationParameters();
        for (String key : KEYS) {
            if (System.getProperty(key) != null) {
                continue;
            }
            configuration.get(key)
                    .flatMap(ScaledTimeouts::scale)
                    .ifPresent(scaled -> System.setProperty(key, scaled));
        }
    }

    /** {@code "30 s"} scaled by the factor in force, in JUnit's duration format; empty if unreadable. */
    static Optional<String> scale(String junitDuration) {
        Matcher matcher = DURATION.matcher(junitDuration);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase(Locale.ROOT);
        double millis = switch (unit) {
            case "ns" -> amount / 1_000_000.0;
            case "μs" -> amount / 1_000.0;
            case "ms" -> amount;
            case "s" -> amount * 1_000.0;
            case "m" -> amount * 60_000.0;
            case "h" -> amount * 3_600_000.0;
            default -> amount * 86_400_000.0;
        };
        return Optional.of(Math.max(1, Math.round(millis * Delays.FACTOR)) + " ms");
    }
}
