package katas.testkit.samples;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link DetectionUnderLoad} for the cases Fray catches, on Fray's JDK. */
@Tag("experiment")
@Tag("FrayTest")
@DisplayName("Detection under load, with Fray")
class FrayDetectionUnderLoad {

    @Test
    @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.HOURS)
    @DisplayName("rejects every buggy sample and passes every twin, on every run")
    void everyRun() throws IOException {
        DetectionUnderLoad.experiment(DetectionTest.FRAY_CASES, Path.of("target", "detection-under-load-fray.md"));
    }
}
