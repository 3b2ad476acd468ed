package katas.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.HangReport;
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
@DisplayName("Task 2: StartingGun, a start signal that no runner misses")
@ExtendWith(FrayTestExtension.class)
class StartingGunTest {

    private final StartingGun gun = new StartingGun();

    @Test
    @DisplayName("a runner that comes after the shot goes at once")
    void a_late_runner_goes_at_once() {
        gun.fire();
        try (Workers workers = new Workers()) {
            Thread late = workers.start("late-runner", gun::awaitShot);
            ends(late, () -> Messages.MISSED_THE_SHOT, Messages.REMEMBER_THE_SHOT, List.of(late));
            workers.joinAll();
        }
    }

    @Test
    @DisplayName("every runner waiting for the shot goes when the gun is fired")
    void every_waiting_runner_goes() {
        try (Workers workers = new Workers()) {
            List<Thread> runners = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                runners.add(workers.start("runner-" + i, gun::awaitShot));
            }
            for (Thread runner : runners) {
                waitsInside(runner);
            }
            gun.fire();
            for (Thread runner : runners) {
                ends(runner, () -> Messages.stillWaiting(runners), Messages.WAKE_EVERY_RUNNER, runners);
            }
            workers.joinAll();
        }
    }

    @Test
    @DisplayName("firing twice is harmless: runners still go")
    void firing_twice_is_harmless() {
        gun.fire();
        gun.fire();
        try (Workers workers = new Workers()) {
            Thread late = workers.start("late-runner", gun::awaitShot);
            ends(late, () -> Messages.MISSED_THE_SHOT, Messages.REMEMBER_THE_SHOT, List.of(late));
            workers.joinAll();
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    @DisplayName("two runners and the gun: both runners go, in every schedule Fray tries")
    void no_runner_misses_the_shot_in_any_schedule() {
        // Plain checks instead of AssertJ here: this body runs hundreds of times under Fray.
        StartingGun shared = new StartingGun();
        AtomicInteger gone = new AtomicInteger();
        try (Workers workers = new Workers()) {
            workers.start("runner-1", () -> {
                shared.awaitShot();
                gone.incrementAndGet();
            });
            workers.start("runner-2", () -> {
                shared.awaitShot();
                gone.incrementAndGet();
            });
            shared.fire();
            workers.joinAll(); // under Fray it waits without a timeout, so Fray reports a runner that never wakes
        }
        Failures.expect(gone.get() == 2, Messages.goneAfterShot(gone.get()), Messages.CHECK_UNDER_THE_LOCK);
    }

    /** Waits until {@code runner} waits inside awaitShot(), failing if it returns before the shot. */
    private static void waitsInside(Thread runner) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = runner.getState();
            if (state == Thread.State.TERMINATED) {
                throw Failures.failure(Messages.WENT_EARLY, Messages.WAIT_FOR_THE_SHOT);
            }
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(runner, "awaitShot() before the gun is fired");
    }

    /** Waits for {@code thread} to end; if it does not, frees every runner and fails with {@code ifStuck}. */
    private static void ends(Thread thread, Supplier<String> ifStuck, String whatToLookAt, List<Thread> runners) {
        try {
            thread.join(Delays.PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            String message = ifStuck.get();
            String report = HangReport.capture();
            runners.forEach(Thread::interrupt);
            throw Failures.failure(message, whatToLookAt, report, null);
        }
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String MISSED_THE_SHOT = "`late-runner` called awaitShot() after the gun was fired, and was still"
                + " waiting " + Waits.inWords(Delays.PATIENCE) + " later: it missed the shot.";
        static final String REMEMBER_THE_SHOT = "notifyAll() wakes only the threads that are waiting at that moment, and"
                + " leaves no trace. Keep a `fired` flag, set it in fire() under the lock, and in awaitShot() wait only"
                + " while it is false: `while (!fired) lock.wait();`.";
        static final String WENT_EARLY = "A runner returned from awaitShot() before the gun was fired.";
        static final String WAIT_FOR_THE_SHOT = "awaitShot() must wait while the gun has not been fired: `while (!fired)"
                + " lock.wait();`.";
        static final String WAKE_EVERY_RUNNER = "fire() must wake every waiting runner: set the flag, then notifyAll()"
                + " (notify() wakes just one), both inside synchronized (lock).";
        static final String CHECK_UNDER_THE_LOCK = "read the flag and call wait() inside the same synchronized (lock)"
                + " block. A flag checked before taking the lock can turn true between the check and the wait(): the"
                + " notifyAll() then comes before the runner waits, and nothing wakes it again.";

        static String stillWaiting(List<Thread> runners) {
            List<String> waiting = runners.stream().filter(Thread::isAlive).map(t -> "`" + t.getName() + "`").toList();
            return String.join(", ", waiting) + (waiting.size() == 1 ? " was" : " were") + " still waiting in awaitShot() "
                    + Waits.inWords(Delays.PATIENCE) + " after the gun was fired.";
        }

        static String goneAfterShot(int gone) {
            return "2 runners waited for the gun and it was fired, but " + gone + " of them went.";
        }
    }
}
