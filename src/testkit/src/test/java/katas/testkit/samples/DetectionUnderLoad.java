package katas.testkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The experiment behind the kit's claims: every case of {@link DetectionTest}, its buggy sample and
 * its correct twin, run {@code detection.runs} times (100 by default). Run it with
 * {@code bench/detection-under-load.sh}, which keeps both cores busy meanwhile; it writes its table to
 * {@code src/testkit/target/detection-under-load.md}. Tagged so that the ordinary build skips it.
 */
@Tag("experiment")
@DisplayName("Detection under load")
class DetectionUnderLoad {

    private static final int RUNS = Integer.getInteger("detection.runs", 100);

    /**
     * Which cases to run ({@code -Ddetection.cases=opposite,signal}): those whose bug names contain one of
     * the words; all when empty. Lets a long experiment be finished in parts.
     */
    private static final List<String> SELECTED = java.util.Arrays.stream(System.getProperty("detection.cases", "").split(","))
            .map(String::strip).filter(word -> !word.isEmpty()).map(String::toLowerCase).toList();

    @Test
    @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.HOURS)
    @DisplayName("rejects every buggy sample and passes every twin, on every run")
    void everyRun() throws IOException {
        experiment(DetectionTest.PLAIN_CASES, Path.of("target", "detection-under-load.md"));
    }

    /** Runs every case {@code RUNS} times, writing the table to {@code table} as it goes. */
    static void experiment(List<DetectionTest.Case> cases, Path table) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("| bug | tool | buggy sample rejected | correct twin passed | seconds per run (buggy / twin) |");
        rows.add("|---|---|---|---|---|");
        boolean allHeld = true;
        for (DetectionTest.Case c : cases) {
            if (!SELECTED.isEmpty() && SELECTED.stream().noneMatch(c.bug().toLowerCase()::contains)) {
                continue;
            }
            int rejected = 0;
            int passed = 0;
            long wrongNanos = 0;
            long twinNanos = 0;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                if (DetectionTest.firstFailure(DetectionTest.run(c.wrong())).filter(AssertionError.class::isInstance).isPresent()) {
                    rejected++;
                }
                wrongNanos += System.nanoTime() - start;
                start = System.nanoTime();
                var twin = DetectionTest.run(c.twin());
                if (DetectionTest.firstFailure(twin).isEmpty() && twin.testEvents().succeeded().count() > 0) {
                    passed++;
                }
                twinNanos += System.nanoTime() - start;
            }
            allHeld &= rejected == RUNS && passed == RUNS;
            String row = String.format("| %s | %s | %d/%d | %d/%d | %.2f / %.2f |", c.bug(), c.tool(), rejected, RUNS,
                    passed, RUNS, wrongNanos / 1e9 / RUNS, twinNanos / 1e9 / RUNS);
            rows.add(row);
            System.out.println("[detection] " + row);
            Files.write(table, rows); // after every case, so a long run that is stopped still leaves its results
        }
        assertThat(allHeld).as("every buggy sample rejected and every twin passed on all %d runs; see %s", RUNS,
                table.toAbsolutePath()).isTrue();
    }
}
