package katas.grader;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The one result model of a grading session: every output (CSV, Markdown, JSON, Gradescope, JUnit XML,
 * HTML) is written from it. Serialised as it is, it is our own JSON format ({@link #FORMAT}), documented
 * in {@code src/grader/README.md}: fields are only ever added, never renamed or removed, within a format.
 *
 * @param format the format's name and version
 * @param course the course's title (its folder name)
 * @param gradedAt when grading started, ISO-8601
 * @param settings the settings the grades were reached with
 * @param students one per submission, in the order given
 */
@JsonPropertyOrder({"format", "course", "gradedAt", "settings", "students"})
public record GradeReport(String format, String course, String gradedAt, Settings settings, List<Student> students) {

    /** The format of our JSON, for readers to check. */
    public static final String FORMAT = "threading-katas-grades/1";

    public GradeReport {
        students = List.copyOf(students);
    }

    /** The settings that matter for reading the grades. */
    @JsonPropertyOrder({"runs", "testTimeoutSeconds", "runTimeLimitSeconds", "submissionTimeLimitSeconds", "memory",
            "partialCredit", "hiddenTests"})
    public record Settings(int runs, int testTimeoutSeconds, int runTimeLimitSeconds, int submissionTimeLimitSeconds,
            String memory, boolean partialCredit, boolean hiddenTests) {
    }

    /**
     * One student's submission, graded.
     *
     * @param student the name the submission was given (its folder, zip or repository name)
     * @param source where it came from
     * @param score points earned; {@code maxScore} points possible
     * @param seconds wall-clock time spent grading it
     * @param cost where that time went
     * @param intake what was taken from the submission and what was not
     * @param problem why it could not be graded at all ({@code null} when it was)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"student", "source", "score", "maxScore", "seconds", "cost", "problem", "intake", "lessons"})
    public record Student(String student, String source, double score, double maxScore, double seconds, Cost cost,
            String problem, Intake intake, List<Lesson> lessons) {
        public Student {
            lessons = List.copyOf(lessons);
        }
    }

    /** Seconds spent compiling, running tests, and on everything else (intake, copying, reports). */
    @JsonPropertyOrder({"compile", "test", "overhead", "cachedLessons", "skippedLessons"})
    public record Cost(double compile, double test, double overhead, int cachedLessons, int skippedLessons) {
    }

    /**
     * What the grader took from a submission and what it left.
     *
     * @param taken learner files graded, relative to the course root
     * @param missing kata files the submission lacks (graded as the starter)
     * @param ignored files that are not kata files (the pristine course is used instead)
     * @param changed pristine files the submission changed or added (tests, POMs, kit, manifest): not used
     * @param rejected entries refused as unsafe (paths outside the submission, links, oversized files)
     */
    public record Intake(List<String> taken, List<String> missing, List<String> ignored, List<String> changed,
            List<String> rejected) {
        public Intake {
            taken = List.copyOf(taken);
            missing = List.copyOf(missing);
            ignored = List.copyOf(ignored);
            changed = List.copyOf(changed);
            rejected = List.copyOf(rejected);
        }
    }

    /** One lesson of a submission; {@code problem} says why none of its katas could be judged, if so. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"lesson", "title", "score", "maxScore", "problem", "katas"})
    public record Lesson(String lesson, String title, double score, double maxScore, String problem, List<Kata> katas) {
        public Lesson {
            katas = List.copyOf(katas);
        }
    }

    /** How a kata ended. */
    public enum Status {
        /** Every test passed on every run. */
        SOLVED,
        /** Some test failed on every run it had (an assertion of the kata's tests). */
        FAILED,
        /** The kata passed some of its runs but not all: a race, a deadlock in some schedules, or a run cut off by a timeout (its reason says which). */
        RACY,
        /** The code could not be judged: it does not compile, crashed, hung or ran out of time or memory. */
        ERROR,
        /** The kata's file is the starter as handed out: no tests were run. */
        NOT_STARTED
    }

    /**
     * One kata of a submission.
     *
     * @param runs how many times its tests ran; {@code passedRuns} how many of those runs passed every test
     * @param reason what went wrong, in one paragraph for the student ({@code null} when solved)
     * @param tests each test, hidden ones marked
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"kata", "task", "title", "status", "score", "maxScore", "runs", "passedRuns", "reason", "tests"})
    public record Kata(String kata, int task, String title, Status status, double score, double maxScore, int runs,
            int passedRuns, String reason, List<Test> tests) {
        public Kata {
            tests = List.copyOf(tests);
        }
    }

    /**
     * One test of a kata.
     *
     * @param testClass the test class; {@code name} the test's sentence
     * @param hidden whether it is one of the instructor's hidden tests
     * @param passed whether it passed on every run it had
     * @param runs runs it took part in; {@code passedRuns} runs it passed
     * @param message its failure message (the first failing run's), without the kit's details section
     * @param passesAsHandedOut whether the starter as handed out passes it too, so that it earns no partial credit
     *     of its own ({@code null} when that was not needed: the kata was solved, or partial credit is off)
     * @param stressTest {@code true} for a stress test (the kit's {@code @StressTest}), which earns no partial
     *     credit of its own; {@code null} for the others
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"testClass", "name", "hidden", "passed", "runs", "passedRuns", "message", "passesAsHandedOut",
            "stressTest"})
    public record Test(String testClass, String name, boolean hidden, boolean passed, int runs, int passedRuns,
            String message, Boolean passesAsHandedOut, Boolean stressTest) {

        public Test(String testClass, String name, boolean hidden, boolean passed, int runs, int passedRuns, String message) {
            this(testClass, name, hidden, passed, runs, passedRuns, message, null, null);
        }

        Test withPassesAsHandedOut(boolean asHandedOut) {
            return new Test(testClass, name, hidden, passed, runs, passedRuns, message, asHandedOut, stressTest);
        }
    }
}
