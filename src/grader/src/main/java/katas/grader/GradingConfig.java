package katas.grader;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instructor's grading settings: how often to run the katas, the limits of each run, the points,
 * the hidden tests. Read from a YAML or JSON file ({@code grading.yaml}); every field has a default,
 * and the {@code kata grade} options override the file.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class GradingConfig {

    /** Runs of each kata whose first run passes; credit only if every run passes. */
    public int runs = 3;
    /**
     * Seconds a single test may take before it is cut off and reported (JUnit's per-test timeout). Generous:
     * on a busy machine a correct solution's model checking or schedule exploration takes well over 20 s, and
     * a timeout must never cost a correct solution its points.
     */
    public int testTimeout = 120;
    /** Seconds one test JVM may run before it is killed with everything it started. */
    public int runTimeLimit = 600;
    /** Seconds all the runs of one submission may take together. */
    public int submissionTimeLimit = 3600;
    /** Heap cap of each test JVM ({@code -Xmx}), such as {@code 512m}. */
    public String memory = "512m";
    /** Scales every delay of the test kit (slow machines): {@code -Dkata.timeout.factor}. */
    public double timeoutFactor = 1;
    /** Credit for each passing test of a kata (true), or for a kata only when all its tests pass (false). */
    public boolean partialCredit = true;
    /** Points per kata id; overrides the manifest's {@code points} (default 1 per kata). */
    public Map<String, Double> points = new LinkedHashMap<>();
    /** Grade only these lessons (ids); all when empty. */
    public List<String> lessons = new ArrayList<>();
    /** A folder with one folder per lesson id of extra test sources that students never see. */
    public String hiddenTests;
    /** Submissions graded at once. */
    public int parallel = 1;
    /** Grade identical lesson code once per session (by content hash) and reuse the result. */
    public boolean cache = true;

    /** Reads a config file (YAML or JSON; JSON is YAML), refusing unknown settings so that typos show. */
    public static GradingConfig read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            GradingConfig config = yaml.readValue(Files.readString(file), GradingConfig.class);
            if (config == null) {
                config = new GradingConfig();
            }
            if (config.hiddenTests != null && !Path.of(config.hiddenTests).isAbsolute()) {
                // relative to the config file, so a course can keep both side by side
                config.hiddenTests = file.toAbsolutePath().getParent().resolve(config.hiddenTests).normalize().toString();
            }
            config.validate();
            return config;
        } catch (IOException e) {
            throw new GradingException("The grading config " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Refuses settings that cannot work, with the reason. */
    public void validate() {
        List<String> problems = new ArrayList<>();
        if (runs < 1 || runs > 100) {
            problems.add("runs must be between 1 and 100, not " + runs);
        }
        if (testTimeout < 1) {
            problems.add("testTimeout must be at least 1 second");
        }
        if (runTimeLimit < testTimeout) {
            problems.add("runTimeLimit (" + runTimeLimit + " s) must be at least testTimeout (" + testTimeout + " s)");
        }
        if (submissionTimeLimit < runTimeLimit) {
            problems.add("submissionTimeLimit (" + submissionTimeLimit + " s) must be at least runTimeLimit ("
                    + runTimeLimit + " s)");
        }
        if (memory == null || !memory.matches("\\d+[kKmMgG]?")) {
            problems.add("memory must look like 512m or 2g, not '" + memory + "'");
        }
        if (parallel < 1) {
            problems.add("parallel must be at least 1");
        }
        if (timeoutFactor <= 0) {
            problems.add("timeoutFactor must be positive");
        }
        points.forEach((kata, value) -> {
            if (value == null || value < 0 || value.isNaN()) {
                problems.add("points of " + kata + " must be a number of 0 or more");
            }
        });
        if (hiddenTests != null && !Files.isDirectory(Path.of(hiddenTests))) {
            problems.add("hiddenTests: no folder " + hiddenTests);
        }
        if (!problems.isEmpty()) {
            throw new GradingException("The grading settings are not usable: " + String.join("; ", problems));
        }
    }
}
