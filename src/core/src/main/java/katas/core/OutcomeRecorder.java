package katas.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the JUnit Platform's execution events into one {@link TestOutcome} per test (and one per test
 * class that could not even start), the same way in a forked test JVM and in the warm worker.
 */
final class OutcomeRecorder implements TestExecutionListener {

    private final List<TestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private volatile TestPlan plan;
    private final Consumer<List<TestOutcome>> onEachOutcome;

    /** @param onEachOutcome called with every outcome so far after each one, e.g. to save them as they come */
    OutcomeRecorder(Consumer<List<TestOutcome>> onEachOutcome) {
        this.onEachOutcome = onEachOutcome;
    }

    /** The outcomes recorded so far. */
    List<TestOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, TestOutcome.Status.SKIPPED, null, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean failedContainer = !test.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (!test.isTest() && !failedContainer) {
            return;
        }
        TestOutcome.Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestOutcome.Status.PASSED;
            case ABORTED -> TestOutcome.Status.SKIPPED;
            case FAILED -> TestOutcome.Status.FAILED;
        };
        record(test, status, result.getThrowable().orElse(null), null);
    }

    private void record(TestIdentifier test, TestOutcome.Status status, Throwable failure, String reason) {
        String className = className(test.getSource()).orElse("?");
        if ("?".equals(className) && !test.isTest()) {
            return; // the engine itself, not a test class
        }
        String name = test.isTest() ? displayName(test) : "(the whole class)";
        outcomes.add(new TestOutcome(className, name, status, failure instanceof AssertionError,
                failure == null ? null : failure.getClass().getName(),
                failure == null ? reason : messageOf(failure),
                test.getTags().stream().map(tag -> tag.getName()).toList()));
        onEachOutcome.accept(outcomes());
    }

    /**
     * The test's display name; for one invocation of a templated test (a Fray test, a repeated test),
     * whose own name is just {@code [1]}, the name of the test method with it.
     */
    private String displayName(TestIdentifier test) {
        String name = test.getDisplayName();
        TestPlan current = plan;
        if (current != null && name.matches("\\[\\d+\\].*")) {
            Optional<TestIdentifier> parent = current.getParent(test);
            if (parent.isPresent() && parent.get().getSource().filter(MethodSource.class::isInstance).isPresent()) {
                return parent.get().getDisplayName() + " " + name;
            }
        }
        return name;
    }

    private static Optional<String> className(Optional<TestSource> source) {
        if (source.isEmpty()) {
            return Optional.empty();
        }
        if (source.get() instanceof MethodSource method) {
            return Optional.of(method.getClassName());
        }
        if (source.get() instanceof ClassSource type) {
            return Optional.of(type.getClassName());
        }
        return Optional.empty();
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.toString();
        }
        return message;
    }
}
