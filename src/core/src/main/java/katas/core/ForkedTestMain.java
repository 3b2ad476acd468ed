package katas.core;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The entry point of the test JVM that {@link TestLauncher} starts: runs the named test classes with
 * the JUnit Platform Launcher and writes one {@link TestOutcome} per test to a JSON file.
 *
 * <p>Usage: {@code ForkedTestMain <result.json> [+tag | -tag] <test class>...}: {@code +FrayTest} runs
 * only the tests with that tag, {@code -FrayTest} all but those. The outcomes are written as each
 * test finishes, so a JVM that is killed midway still leaves the tests it finished.
 */
public final class ForkedTestMain {

    private ForkedTestMain() {
    }

    public static void main(String[] args) throws IOException {
        Path resultFile = Path.of(args[0]);
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
        if (!rest.isEmpty() && rest.get(0).startsWith("+")) {
            builder.filters(TagFilter.includeTags(rest.get(0).substring(1)));
            rest = rest.subList(1, rest.size());
        } else if (!rest.isEmpty() && rest.get(0).startsWith("-")) {
            builder.filters(TagFilter.excludeTags(rest.get(0).substring(1)));
            rest = rest.subList(1, rest.size());
        }
        ObjectMapper json = new ObjectMapper();
        List<TestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        LauncherDiscoveryRequest request = builder
                .selectors(rest.stream().map(name -> selectClass(name)).toList())
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
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
                String name = test.isTest() ? test.getDisplayName() : "(the whole class)";
                outcomes.add(new TestOutcome(className, name, status, failure instanceof AssertionError,
                        failure == null ? null : failure.getClass().getName(),
                        failure == null ? reason : messageOf(failure),
                        test.getTags().stream().map(tag -> tag.getName()).toList()));
                try {
                    json.writeValue(resultFile.toFile(), outcomes);
                } catch (IOException e) {
                    System.err.println("cannot write test results to " + resultFile + ": " + e);
                }
            }

            @Override
            public void testPlanExecutionFinished(TestPlan plan) {
                // results are already on disk
            }
        });
        json.writeValue(resultFile.toFile(), outcomes);
        // Threads a kata left running must not keep this JVM alive.
        System.exit(0);
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
