package katas.testkit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * For every kind of bug the kit claims to catch, a known-wrong sample fails and its correct twin
 * passes. {@code DetectionUnderLoad} repeats the same cases many times with both cores busy. The
 * cases Fray catches are in {@link FrayDetectionTest}, which runs on Fray's JDK.
 */
@DisplayName("The kit's race detection")
class DetectionTest {

    /** One kind of bug: the tool that catches it, a sample with the bug, and its correct twin. */
    record Case(String bug, String tool, DiscoverySelector wrong, DiscoverySelector twin) {
        @Override
        public String toString() {
            return bug + " (" + tool + ")";
        }
    }

    /** The cases whose tools run on the plain JDK. */
    static final List<Case> PLAIN_CASES = List.of(
            new Case("lost update: count++ on a plain field", "Lincheck",
                    selectClass(ModelCheckSamples.PlainCounterModel.class),
                    selectClass(ModelCheckSamples.SynchronizedCounterModel.class)),
            new Case("check-then-act on a plain field", "Lincheck",
                    selectClass(ModelCheckSamples.RacyAccountModel.class),
                    selectClass(ModelCheckSamples.SafeAccountModel.class)),
            new Case("shared list written without a lock", "ExclusiveSection",
                    selectMethod(ExclusionSamples.class, "unguardedWriters"),
                    selectMethod(ExclusionSamples.class, "guardedWriters")));

    /** The cases Fray catches, which run on Fray's JDK (see {@link FrayDetectionTest}). */
    static final List<Case> FRAY_CASES = List.of(
            new Case("locks taken in opposite orders", "Fray",
                    selectMethod(FraySamples.class, "transferInArgumentOrder"),
                    selectMethod(FraySamples.class, "transferInIdOrder")),
            new Case("if instead of while around await()", "Fray",
                    selectMethod(FraySamples.class, "ifEvent"),
                    selectMethod(FraySamples.class, "goodEventOneWaiter")),
            new Case("signal() where signalAll() is needed", "Fray",
                    selectMethod(FraySamples.class, "signalOneEvent"),
                    selectMethod(FraySamples.class, "goodEventTwoWaiters")),
            new Case("unlock() not in finally", "Fray",
                    selectMethod(FraySamples.class, "unlockNotInFinally"),
                    selectMethod(FraySamples.class, "unlockInFinally")),
            new Case("bounded buffer: two consumers waiting with if", "Fray",
                    selectMethod(FraySamples.class, "bufferWaitingWithIf"),
                    selectMethod(FraySamples.class, "bufferWaitingWithWhile")));

    @TestFactory
    @DisplayName("rejects the wrong sample of every case")
    Stream<DynamicTest> wrongSamplesFail() {
        return wrongSamplesFail(PLAIN_CASES);
    }

    @TestFactory
    @DisplayName("passes the correct twin of every case")
    Stream<DynamicTest> twinsPass() {
        return twinsPass(PLAIN_CASES);
    }

    static Stream<DynamicTest> wrongSamplesFail(List<Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Optional<Throwable> failure = firstFailure(run(c.wrong()));
            assertThat(failure).as("the sample with the bug must fail: %s", c).isPresent();
            assertThat(failure.get()).as("and fail on an assertion a learner can read").isInstanceOf(AssertionError.class);
        }));
    }

    static Stream<DynamicTest> twinsPass(List<Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            EngineExecutionResults results = run(c.twin());
            assertThat(firstFailure(results)).as("the correct twin must pass: %s", c).isEmpty();
            assertThat(results.testEvents().succeeded().count()).as("and really run").isPositive();
        }));
    }

    static EngineExecutionResults run(DiscoverySelector selector) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selector)
                .execute();
    }

    static Optional<Throwable> firstFailure(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(Event::getPayload)
                .flatMap(Optional::stream)
                .map(payload -> ((org.junit.platform.engine.TestExecutionResult) payload).getThrowable())
                .flatMap(Optional::stream)
                .findFirst();
    }
}
