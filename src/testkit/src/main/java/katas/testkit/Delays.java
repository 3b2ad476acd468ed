package katas.testkit;

import java.time.Duration;

/**
 * Every delay and timeout the kata tests use, scaled by one factor.
 *
 * <p>Slow machines and graders raise the factor with {@code -Dkata.timeout.factor=3} (Maven passes
 * the property {@code kata.timeout.factor} on to the tests); nothing else in a test picks a number
 * of milliseconds.
 */
public final class Delays {

    /** The system property that scales every delay. */
    public static final String FACTOR_PROPERTY = "kata.timeout.factor";

    /** The factor in force: {@code 1} unless the property says otherwise. */
    public static final double FACTOR = readFactor();

    /**
     * The longest a test waits for something that must happen: a worker to finish, a thread to
     * block, a condition to become true. Correct code never comes near it.
     */
    public static final Duration PATIENCE = scaled(Duration.ofSeconds(5));

    /**
     * A short window for checking that something does <em>not</em> happen (a timed acquire that
     * must give up). Tests use it as a timeout argument, never as a way to wait for another thread.
     */
    public static final Duration SHORT = scaled(Duration.ofMillis(100));

    private Delays() {
    }

    /** Returns {@code base} multiplied by the factor in force. */
    public static Duration scaled(Duration base) {
        return Duration.ofNanos(Math.round(base.toNanos() * FACTOR));
    }

    private static double readFactor() {
        String value = System.getProperty(FACTOR_PROPERTY, "1");
        try {
            double factor = Double.parseDouble(value.trim());
            if (factor > 0 && Double.isFinite(factor)) {
                return factor;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(
                "-D" + FACTOR_PROPERTY + " must be a positive number such as 2 or 0.5, not '" + value + "'");
    }
}
