package katas.iovscpu;

import java.util.Collection;
import java.util.function.BooleanSupplier;
import katas.testkit.Delays;
import katas.testkit.Waits;

/** Polling for this lesson's tests: true as soon as a condition holds, false once the kit's patience runs out. */
final class Polls {

    private Polls() {
    }

    /** Polls {@code condition} every millisecond until it holds (true) or {@link Delays#PATIENCE} has passed (false). */
    static boolean poll(BooleanSupplier condition) {
        return Waits.poll(condition);
    }

    /** Waits until every thread in {@code threads} has ended; returns the first still alive after the patience, or null. */
    static Thread firstStillAlive(Collection<Thread> threads) {
        poll(() -> threads.stream().noneMatch(Thread::isAlive));
        return threads.stream().filter(Thread::isAlive).findFirst().orElse(null);
    }

    /** Waits until {@code thread} stops running (it blocks or ends); returns its state then. */
    static Thread.State settledState(Thread thread) {
        poll(() -> thread.getState() != Thread.State.RUNNABLE);
        return thread.getState();
    }
}
