package katas.core;

import java.util.List;

/**
 * What happened to one test (or to a test class that could not start).
 *
 * @param className the test class
 * @param testName the test's display name (the sentence of its {@code @DisplayName})
 * @param status how it ended
 * @param assertion true when it failed on an assertion (a kata failure), false when it failed
 *     with any other exception (a crash, an error in the code under test)
 * @param failureType the class of the exception it failed with, if any
 * @param message the failure's message, if any
 * @param tags the test's tags, such as {@code task:1}
 */
public record TestOutcome(String className, String testName, Status status, boolean assertion, String failureType,
        String message, List<String> tags) {

    /** How a test ended. */
    public enum Status { PASSED, FAILED, SKIPPED }

    public TestOutcome {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The message without the details section the test kit puts after {@code --- details ---}. */
    public String summary() {
        if (message == null) {
            return failureType == null ? "" : failureType;
        }
        int details = message.indexOf("--- details ---");
        return (details < 0 ? message : message.substring(0, details)).strip();
    }
}
