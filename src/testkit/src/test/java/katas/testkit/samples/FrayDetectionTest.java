package katas.testkit.samples;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The cases of {@link DetectionTest} that Fray catches; tagged so that Maven runs them on Fray's JDK. The
 * assertions are in {@link DetectionTest}'s shared factories: each buggy sample must fail on an assertion,
 * each twin must pass.
 */
@Tag("FrayTest")
@DisplayName("The kit's race detection with Fray")
class FrayDetectionTest {

    @TestFactory
    @DisplayName("rejects the wrong sample of every case")
    Stream<DynamicTest> wrongSamplesFail() {
        return DetectionTest.wrongSamplesFail(DetectionTest.FRAY_CASES);
    }

    @TestFactory
    @DisplayName("passes the correct twin of every case")
    Stream<DynamicTest> twinsPass() {
        return DetectionTest.twinsPass(DetectionTest.FRAY_CASES);
    }
}
