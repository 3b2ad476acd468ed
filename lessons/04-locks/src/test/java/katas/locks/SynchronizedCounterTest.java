package katas.locks;

import static org.assertj.core.api.Assertions.assertThat;

import katas.testkit.ModelCheck;
import katas.testkit.ModelCheckTest;
import katas.testkit.StressTest;
import katas.testkit.Workers;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Task 1: SynchronizedCounter")
class SynchronizedCounterTest {

    /**
     * What Lincheck's model checker runs from two threads: the counter is a field, and each
     * {@code @Operation} is one call a thread may make. (Lincheck builds this class itself, so it is public.)
     */
    public static final class Model {
        private final SynchronizedCounter counter = new SynchronizedCounter();

        @Operation
        public void increment() {
            counter.increment();
        }

        @Operation
        public int value() {
            return counter.value();
        }
    }

    @Test
    @DisplayName("counts every increment, one thread at a time")
    void counts_increments_from_one_thread() {
        SynchronizedCounter fresh = new SynchronizedCounter();
        for (int i = 0; i < 3; i++) {
            fresh.increment();
        }
        assertThat(fresh.value()).as(Messages.ONE_THREAD).isEqualTo(3);
    }

    @ModelCheckTest
    @DisplayName("never loses an increment, whatever the interleaving of two threads")
    void never_loses_an_increment_in_any_interleaving() {
        ModelCheck.assertLinearizable(Model.class, Messages.LOST_UPDATE, Messages.GUARD_IT);
    }

    @StressTest
    @DisplayName("two threads hammering the counter lose nothing (a stress test: extra evidence only)")
    void two_threads_hammering_lose_nothing() {
        SynchronizedCounter shared = new SynchronizedCounter();
        try (Workers workers = new Workers()) {
            workers.startTogether("incrementer", Messages.THREADS, i -> {
                for (int n = 0; n < Messages.INCREMENTS; n++) {
                    shared.increment();
                }
            });
            workers.joinAll();
        }
        int expected = Messages.THREADS * Messages.INCREMENTS;
        assertThat(shared.value()).withFailMessage(() -> Messages.stressLost(expected, shared.value()))
                .isEqualTo(expected);
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final int THREADS = 2;
        static final int INCREMENTS = 100_000;

        static final String ONE_THREAD = "3 increments from one thread should count 3";
        static final String LOST_UPDATE = "Two threads incrementing the counter must never lose an increment.";
        static final String GUARD_IT = "count++ is read-modify-write: it reads count, adds 1 and writes it back,"
                + " and a thread that switches in between writes back a stale sum. Guard the whole increment (and the"
                + " read in value()) with one lock: a synchronized method or synchronized (this) { ... }."
                + " volatile does not help, and synchronized (new Object()) locks a lock nobody else shares.";

        static String stressLost(int expected, int actual) {
            return String.format("%d threads x %,d increments should total %,d but the counter read %,d:"
                    + " count++ is read-modify-write; guard it with synchronized.", THREADS, INCREMENTS, expected, actual);
        }
    }
}
