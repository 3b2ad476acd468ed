package katas.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Blocking;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Schedules;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;

@Tag("task:2")
@DisplayName("Task 2: JobBoard, a stop signal that reaches the waiting workers")
@ExtendWith(FrayTestExtension.class)
class JobBoardTest {

    /** What a test records for a next() that returned null. */
    private static final Runnable NONE = () -> { };

    private final JobBoard board = new JobBoard();

    @Test
    @DisplayName("hands out the jobs in the order posted, then null on every later call")
    void hands_out_jobs_in_order_then_null() {
        Runnable first = () -> { };
        Runnable second = () -> { };
        board.post(first);
        board.post(second);
        board.close();
        assertThat(next("worker")).withFailMessage(Messages.IN_ORDER).isSameAs(first);
        assertThat(next("worker")).withFailMessage(Messages.IN_ORDER).isSameAs(second);
        assertThat(next("worker")).withFailMessage(Messages.NULL_WHEN_CLOSED).isNull();
        assertThat(next("worker")).withFailMessage(Messages.NULL_EVERY_TIME).isNull();
    }

    @Test
    @DisplayName("refuses a job posted after close()")
    void refuses_jobs_after_close() {
        board.close();
        assertThat(catchThrowable(() -> board.post(() -> { }))).withFailMessage(Messages.POST_AFTER_CLOSE)
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("wakes a worker that waits for a job when the board is closed: next() returns null")
    void close_wakes_a_waiting_worker() {
        AtomicReference<Runnable> job = new AtomicReference<>(() -> { });
        try (Workers workers = new Workers()) {
            Thread worker = Blocking.start(workers, "worker", () -> job.set(board.next()));
            try {
                Blocking.waitsInside(worker, JobBoard.class, "next() on an empty, open board", Messages.DID_NOT_WAIT,
                        Messages.WAIT_IN_TAKE);
                Thread dispatcher = Blocking.start(workers, "dispatcher", board::close);
                Blocking.ends(dispatcher, Messages.CLOSE_STUCK, Messages.NO_LOCK_AROUND_TAKE, worker);
                Blocking.ends(worker, Messages.stranded("`worker`"), Messages.SIGNAL_THROUGH_THE_QUEUE);
            } finally {
                unstick(workers, worker);
            }
            workers.joinAll();
        }
        assertThat(job.get()).withFailMessage(Messages.NULL_WHEN_CLOSED).isNull();
    }

    @Test
    @DisplayName("wakes every waiting worker when the board is closed, however many there are")
    void close_wakes_every_waiting_worker() {
        Queue<Runnable> results = new ConcurrentLinkedQueue<>();
        try (Workers workers = new Workers()) {
            List<Thread> waiting = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                waiting.add(Blocking.start(workers, "worker-" + i, () -> results.add(orNone(board.next()))));
            }
            try {
                for (Thread worker : waiting) {
                    Blocking.waitsInside(worker, JobBoard.class, "next() on an empty, open board",
                            Messages.DID_NOT_WAIT, Messages.WAIT_IN_TAKE);
                }
                Thread dispatcher = Blocking.start(workers, "dispatcher", board::close);
                Blocking.ends(dispatcher, Messages.CLOSE_STUCK, Messages.NO_LOCK_AROUND_TAKE,
                        waiting.toArray(Thread[]::new));
                for (Thread worker : waiting) {
                    Blocking.ends(worker, () -> Messages.stranded(stillAlive(waiting)), Messages.EVERY_WORKER,
                            () -> waiting);
                }
            } finally {
                unstick(workers, waiting.toArray(Thread[]::new));
            }
            workers.joinAll();
        }
        assertThat(results).withFailMessage(Messages.NULL_WHEN_CLOSED).hasSize(3).allMatch(job -> job == NONE);
    }

    @Test
    @DisplayName("hands each job posted while workers wait to exactly one worker, then stops them all")
    void every_job_once_then_every_worker_stops() {
        List<Runnable> jobs = List.of(() -> { }, () -> { }, () -> { });
        Queue<Runnable> taken = new ConcurrentLinkedQueue<>();
        try (Workers workers = new Workers()) {
            List<Thread> waiting = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                waiting.add(Blocking.start(workers, "worker-" + i, () -> {
                    for (Runnable job = board.next(); job != null; job = board.next()) {
                        taken.add(job);
                    }
                }));
            }
            try {
                for (Thread worker : waiting) {
                    Blocking.waitsInside(worker, JobBoard.class, "next() on an empty, open board",
                            Messages.DID_NOT_WAIT, Messages.WAIT_IN_TAKE);
                }
                jobs.forEach(board::post);
                Thread dispatcher = Blocking.start(workers, "dispatcher", board::close);
                Blocking.ends(dispatcher, Messages.CLOSE_STUCK, Messages.NO_LOCK_AROUND_TAKE,
                        waiting.toArray(Thread[]::new));
                for (Thread worker : waiting) {
                    Blocking.ends(worker, () -> Messages.stranded(stillAlive(waiting)), Messages.EVERY_WORKER,
                            () -> waiting);
                }
            } finally {
                unstick(workers, waiting.toArray(Thread[]::new));
            }
            workers.joinAll();
        }
        assertThat(taken).withFailMessage(Messages.eachJobOnce(taken.size())).hasSize(3)
                .containsExactlyInAnyOrderElementsOf(jobs);
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("close() stops both workers, whenever it comes, in every schedule Fray tries")
    void no_worker_is_stranded_in_any_schedule() {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray. No job is posted:
        // the point is close() racing with the workers' next(), and the fewer steps, the more schedules per second.
        JobBoard shared = new JobBoard();
        AtomicInteger runs = new AtomicInteger();
        try (Workers workers = new Workers()) {
            for (int i = 1; i <= 2; i++) {
                workers.start("worker-" + i, () -> {
                    for (Runnable job = shared.next(); job != null; job = shared.next()) {
                        runs.incrementAndGet();
                    }
                });
            }
            shared.close();
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a worker that never wakes
        }
        Failures.expect(runs.get() == 0, Messages.jobRan(runs.get()), Messages.SIGNAL_THROUGH_THE_QUEUE);
    }

    /** Calls next() on a worker thread, failing if it does not return. */
    private Runnable next(String name) {
        AtomicReference<Runnable> job = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread worker = Blocking.start(workers, name, () -> job.set(board.next()));
            try {
                Blocking.ends(worker, Messages.stranded("`" + name + "`"), Messages.EVERY_WORKER);
            } finally {
                unstick(workers, worker);
            }
            workers.joinAll();
        }
        return job.get();
    }

    /**
     * Lets threads that a failed check left behind end: interrupts them and closes the board (a worker
     * spinning in a loop of its own ignores interrupts but sees the board closed).
     */
    private void unstick(Workers workers, Thread... threads) {
        if (Arrays.stream(threads).anyMatch(Thread::isAlive)) {
            for (Thread thread : threads) {
                thread.interrupt();
            }
            Blocking.start(workers, "closer", board::close);
        }
    }

    private static Runnable orNone(Runnable job) {
        return job == null ? NONE : job;
    }

    private static String stillAlive(List<Thread> threads) {
        List<String> names = threads.stream().filter(Thread::isAlive).map(t -> "`" + t.getName() + "`").toList();
        return names.isEmpty() ? "a worker" : String.join(", ", names);
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String IN_ORDER = "next() should hand out the jobs in the order they were posted";
        static final String NULL_WHEN_CLOSED = "next() on a closed board with no job left should return null";
        static final String NULL_EVERY_TIME = "next() should return null on every call once the board is closed and"
                + " empty, not only on the first: the workers may call it again.";
        static final String POST_AFTER_CLOSE = "post() after close() should throw IllegalStateException";
        static final String DID_NOT_WAIT = "next() returned although no job was posted and the board was still open:"
                + " it should wait for a job.";
        static final String WAIT_IN_TAKE = "take() waits for a job; a loop around poll() or isEmpty() spins and burns a"
                + " core instead of waiting.";
        static final String CLOSE_STUCK = "close() did not return within " + Waits.inWords(Delays.PATIENCE) + " while"
                + " a worker waited in next().";
        static final String NO_LOCK_AROUND_TAKE = "a thread that sleeps in take() while it holds the board's lock"
                + " keeps everyone who needs that lock (close(), post()) out: never wait in take() inside synchronized.";
        static final String SIGNAL_THROUGH_THE_QUEUE = "next() checked `closed` and then went to sleep in take(), where"
                + " nothing tells it about close(). Wake it through the queue itself: close() puts a stop signal (a"
                + " private Runnable of its own) into the queue, and next() takes first and returns null when it gets"
                + " that signal.";
        static final String EVERY_WORKER = "one stop signal wakes only the worker that takes it. When next() gets the"
                + " signal, it must put it back into the queue for the next worker before returning null.";

        static String stranded(String who) {
            return who + " still waited in next() " + Waits.inWords(Delays.PATIENCE) + " after the board was closed:"
                    + " it never learned that no job will come.";
        }

        static String eachJobOnce(int taken) {
            return "3 jobs were posted while 2 workers waited, and the workers took " + taken + " jobs: each job should be"
                    + " handed out exactly once.";
        }

        static String jobRan(int runs) {
            return "No job was posted, and the board was closed; yet the workers ran " + runs + " jobs: next() must"
                    + " return null for the stop signal, never the signal itself.";
        }
    }
}
