package katas.core;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The entry point of the test JVM that {@link TestLauncher} starts: runs the named test classes with
 * the JUnit Platform Launcher and writes one {@link TestOutcome} per test to a JSON file.
 *
 * <p>Usage: {@code ForkedTestMain <result.json> [+tags | -tags] <test class>...}: {@code +FrayTest} runs
 * only the tests with that tag, {@code -FrayTest} all but those ({@code -FrayTest,ModelCheck}: all but
 * those with either tag). The outcomes are written as each
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
            builder.filters(TagFilter.includeTags(rest.get(0).substring(1).split(",")));
            rest = rest.subList(1, rest.size());
        } else if (!rest.isEmpty() && rest.get(0).startsWith("-")) {
            builder.filters(TagFilter.excludeTags(rest.get(0).substring(1).split(",")));
            rest = rest.subList(1, rest.size());
        }
        ObjectMapper json = new ObjectMapper();
        LauncherDiscoveryRequest request = builder
                .selectors(rest.stream().map(name -> selectClass(name)).toList())
                .build();
        OutcomeRecorder recorder = new OutcomeRecorder(outcomes -> {
            try {
                json.writeValue(resultFile.toFile(), outcomes);
            } catch (IOException e) {
                System.err.println("cannot write test results to " + resultFile + ": " + e);
            }
        });
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, recorder);
        List<TestOutcome> outcomes = recorder.outcomes();
        json.writeValue(resultFile.toFile(), outcomes);
        // Threads a kata left running must not keep this JVM alive.
        System.exit(0);
    }
}
