package katas.grader;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Grades a class: reads each submission, grades it ({@link GradingConfig#parallel} at a time) and
 * gathers the results, in the order given, into one {@link GradeReport}. One submission's failure,
 * whatever it is, never stops the others.
 */
public final class ClassGrader {

    /** A submission to grade: where it is, and the student's name ({@code null}: from the path). */
    public record Entry(String source, String student) {
    }

    /** What is reported after each submission: how many are done, of how many, and the one just graded. */
    public record Done(int done, int total, GradeReport.Student student) {
    }

    private final GradingSession session;

    public ClassGrader(GradingSession session) {
        this.session = session;
    }

    /** Grades every entry and reports each as it finishes. */
    public GradeReport grade(List<Entry> entries, Consumer<Done> progress) {
        String gradedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Grader grader = new Grader(session);
        Intake intake = new Intake(session.instructorCourse(), session.root().resolve("intake"));
        List<String> names = uniqueNames(entries);
        int total = entries.size();
        int[] done = {0};
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, session.config().parallel),
                Thread.ofPlatform().name("grader-", 1).daemon().factory());
        List<Future<GradeReport.Student>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < total; i++) {
                Entry entry = entries.get(i);
                String name = names.get(i);
                futures.add(pool.submit(() -> {
                    GradeReport.Student student = gradeOne(grader, intake, entry, name);
                    synchronized (done) {
                        done[0]++;
                        progress.accept(new Done(done[0], total, student));
                    }
                    return student;
                }));
            }
            List<GradeReport.Student> students = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                try {
                    students.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    students.add(notGraded(entries.get(i), names.get(i), "the grader failed: " + e.getCause()));
                }
            }
            GradingConfig config = session.config();
            GradeReport.Settings settings = new GradeReport.Settings(config.runs, config.testTimeout, config.runTimeLimit,
                    config.submissionTimeLimit, config.memory, config.partialCredit, !session.hidden().folders().isEmpty());
            return new GradeReport(GradeReport.FORMAT, session.instructorCourse().root().getFileName().toString(), gradedAt,
                    settings, students);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("interrupted while grading", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private GradeReport.Student gradeOne(Grader grader, Intake intake, Entry entry, String name) {
        try {
            return grader.grade(intake.read(entry.source(), name));
        } catch (RuntimeException e) {
            return notGraded(entry, name, "the grader failed on it (" + e + "); grade it again, or report this");
        }
    }

    private GradeReport.Student notGraded(Entry entry, String name, String problem) {
        Submission empty = new Submission(name, entry.source(), java.util.Map.of(),
                new GradeReport.Intake(List.of(), List.of(), List.of(), List.of(), List.of()), problem);
        return new Grader(session).grade(empty);
    }

    /** Names from the entries, made unique (case-insensitively) with -2, -3, ... */
    static List<String> uniqueNames(List<Entry> entries) {
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Entry entry : entries) {
            String base = entry.student() != null && !entry.student().isBlank() ? entry.student().strip()
                    : Intake.nameOf(entry.source());
            String name = base;
            for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
                name = base + "-" + i;
            }
            names.add(name);
        }
        return names;
    }
}
