package katas.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Crew.runAll()")
class CrewTest {

    private static final List<String> JOBS = List.of("sweep", "mop", "dust", "polish");

    @Test
    @DisplayName("runs every target at the same time, each on its own thread named worker-N, and returns only after all of them")
    void runsTargetsTogetherOnNamedThreadsAndJoinsThem() {
        HeldTargets held = new HeldTargets(JOBS.size(), "Crew.runAll()", "target");
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger finishedWhenRunAllReturned = new AtomicInteger(-1);
        try (Workers workers = new Workers()) {
            Thread caller = workers.start("caller", () -> {
                held.callerStarts();
                Crew.runAll(JOBS, job -> {
                    held.hold(job);
                    finished.incrementAndGet();
                });
                finishedWhenRunAllReturned.set(finished.get());
            });
            try {
                held.awaitAllHeld(caller, workers);
                held.assertCallerWaits(caller);
            } finally {
                held.release();
            }
            workers.joinAll();
        }

        assertThat(finishedWhenRunAllReturned.get())
                .withFailMessage("Crew.runAll() returned when only %d of %d targets had finished.%n"
                        + "What to look at: join() every thread before returning.",
                        finishedWhenRunAllReturned.get(), JOBS.size())
                .isEqualTo(JOBS.size());
        Map<String, Thread> threads = held.threadsByPiece();
        assertThat(new HashSet<>(threads.values()))
                .withFailMessage("%d jobs ran on only %d distinct threads: %s.%n"
                        + "What to look at: create a new Thread for every job.", JOBS.size(),
                        new HashSet<>(threads.values()).size(), threads)
                .hasSize(JOBS.size());
        for (int i = 0; i < JOBS.size(); i++) {
            String job = JOBS.get(i);
            String expectedName = "worker-" + (i + 1);
            assertThat(threads.get(job).getName())
                    .withFailMessage("The target for job \"%s\" (job %d) ran on a thread named `%s`, not `%s`.%n"
                            + "What to look at: pass the name to the Thread constructor (or Thread.Builder.name()),"
                            + " counting from 1 in the order of the jobs; names make thread dumps and logs readable.",
                            job, i + 1, threads.get(job).getName(), expectedName)
                    .isEqualTo(expectedName);
        }
    }

    @Test
    @DisplayName("returns at once when there are no jobs")
    void noJobsNoThreads() {
        try (Workers workers = new Workers()) {
            workers.start("caller", () -> Crew.runAll(List.of(), job -> {
                throw new AssertionError("no job was given, yet the target ran for " + job);
            }));
            workers.joinAll();
        }
    }
}
