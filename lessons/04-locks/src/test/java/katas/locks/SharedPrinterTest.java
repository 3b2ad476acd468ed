package katas.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import katas.testkit.Delays;
import katas.testkit.ExclusiveSection;
import katas.testkit.Failures;
import katas.testkit.LockNames;
import katas.testkit.Waits;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:4")
@DisplayName("Task 4: SharedPrinter")
class SharedPrinterTest {

    private final ReentrantLock lock = LockNames.name(new ReentrantLock(), "the printer's lock");
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private final SharedPrinter printer = new SharedPrinter(lock, printed::add);

    @Nested
    @DisplayName("when the printer is free")
    class WhenFree {

        @Test
        @DisplayName("prints at once and leaves the printer free")
        void prints_and_leaves_the_printer_free() {
            boolean result = Waits.returnsPromptly("clerk", "tryPrint(\"memo\") on a free printer",
                    () -> printer.tryPrint("memo", Delays.SHORT));
            assertThat(result).as(Messages.FREE_PRINTS).isTrue();
            assertThat(printed).as(Messages.FREE_PRINTS).containsExactly("memo");
            assertThat(lock.isLocked()).withFailMessage(Messages.STILL_HELD).isFalse();
        }

        @Test
        @DisplayName("leaves the printer free after a paper jam")
        void leaves_the_printer_free_after_a_paper_jam() {
            SharedPrinter jamming = new SharedPrinter(lock, document -> {
                throw new IllegalStateException("paper jam while printing " + document);
            });
            Throwable jam = catchThrowable(() -> Waits.returnsPromptly("clerk", "tryPrint(\"memo\") on a jamming printer",
                    () -> jamming.tryPrint("memo", Delays.SHORT)));
            assertThat(jam).withFailMessage(Messages.JAM_PROPAGATES).hasMessageContaining("paper jam");
            assertThat(lock.isLocked()).withFailMessage(Messages.HELD_AFTER_JAM).isFalse();
        }

        @Test
        @DisplayName("never lets two documents print at the same time")
        void never_prints_two_documents_at_once() {
            ExclusiveSection paper = new ExclusiveSection("the printer's paper tray");
            SharedPrinter guarded = new SharedPrinter(lock, document -> paper.enter("printing " + document,
                    () -> printed.add(document)));
            String[] documents = {"report", "invoice"};
            try (Workers workers = new Workers()) {
                Workers.Gate gate = workers.startBehindGate("clerk", documents.length,
                        i -> guarded.tryPrint(documents[i], Delays.PATIENCE));
                gate.threads().forEach(paper::contender);
                gate.open();
                workers.joinAll();
            }
            paper.assertNeverShared(Messages.ONE_AT_A_TIME);
            assertThat(printed).as(Messages.BOTH_PRINTED).containsExactlyInAnyOrder("report", "invoice");
        }
    }

    @Nested
    @DisplayName("when another worker holds the printer")
    class WhenBusy {

        @Test
        @DisplayName("gives up with false after its patience, printing nothing")
        void gives_up_after_its_patience() {
            AtomicBoolean result = new AtomicBoolean(true);
            try (Workers workers = new Workers()) {
                Workers.LockHolder holder = workers.holdLock("holder", lock);
                try {
                    Thread clerk = workers.start("impatient-clerk", () -> result.set(tryPrintOrExplain("memo", Delays.SHORT)));
                    endsWithoutWaitingForever(clerk);
                } finally {
                    holder.release(); // frees a clerk stuck in lock(), so every worker can be joined
                }
                workers.joinAll();
            }
            assertThat(result.get()).withFailMessage(Messages.SHOULD_GIVE_UP).isFalse();
            assertThat(printed).withFailMessage(Messages.PRINTED_WHILE_BUSY).isEmpty();
        }

        @Test
        @DisplayName("waits, and prints once the holder lets go within its patience")
        void prints_once_the_holder_lets_go() {
            AtomicBoolean result = new AtomicBoolean(false);
            try (Workers workers = new Workers()) {
                Workers.LockHolder holder = workers.holdLock("holder", lock);
                try {
                    Thread clerk = workers.start("patient-clerk", () -> result.set(printer.tryPrint("memo", Delays.PATIENCE)));
                    waitsInsideTryPrint(clerk, printed);
                } finally {
                    holder.release();
                }
                workers.joinAll();
            }
            assertThat(result.get()).withFailMessage(Messages.SHOULD_PRINT_AFTER_WAIT).isTrue();
            assertThat(printed).withFailMessage(Messages.SHOULD_PRINT_AFTER_WAIT).containsExactly("memo");
            assertThat(lock.isLocked()).withFailMessage(Messages.STILL_HELD).isFalse();
        }

        private boolean tryPrintOrExplain(String document, Duration patience) throws InterruptedException {
            try {
                return printer.tryPrint(document, patience);
            } catch (IllegalMonitorStateException unlockedWithoutHolding) {
                throw Failures.failure(Messages.UNLOCKED_WITHOUT_HOLDING, Messages.UNLOCK_ONLY_IF_ACQUIRED);
            }
        }
    }

    /**
     * Waits for {@code clerk} to end, failing at once if it waits inside SharedPrinter with no time limit
     * (a plain lock() parks in WAITING; tryLock with a timeout parks in TIMED_WAITING).
     */
    private static void endsWithoutWaitingForever(Thread clerk) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = clerk.getState();
            if (state == Thread.State.TERMINATED) {
                return;
            }
            if (state == Thread.State.WAITING && isInsidePrinter(clerk)) {
                throw Failures.failure(Messages.WAITS_FOREVER, Messages.USE_TIMED_TRYLOCK);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilEnded(clerk, "tryPrint(\"memo\", " + Waits.inWords(Delays.SHORT) + ") on a busy printer");
    }

    /** Waits until {@code clerk} waits inside SharedPrinter, failing at once if it returns (or prints) instead. */
    private static void waitsInsideTryPrint(Thread clerk, List<String> printed) {
        long deadline = System.nanoTime() + Delays.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = clerk.getState();
            if (state == Thread.State.TERMINATED) {
                throw printed.isEmpty()
                        ? Failures.failure(Messages.GAVE_UP_AT_ONCE, Messages.USE_TIMED_TRYLOCK)
                        : Failures.failure(Messages.PRINTED_WHILE_BUSY, Messages.USE_TIMED_TRYLOCK);
            }
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && isInsidePrinter(clerk)) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        Waits.untilBlocked(clerk, "tryPrint() on a busy printer");
    }

    private static boolean isInsidePrinter(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(SharedPrinter.class.getName()));
    }

    /** Every message this kata's tests show. */
    private static final class Messages {
        static final String FREE_PRINTS = "tryPrint(\"memo\") on a free printer should print it and return true";
        static final String STILL_HELD = "The printer's lock is still held after tryPrint() returned, so nobody else can"
                + " ever print.\nWhat to look at: every successful tryLock needs an unlock(), in a finally block.";
        static final String JAM_PROPAGATES = "a paper jam (an exception from the paper) should reach the caller of tryPrint()";
        static final String HELD_AFTER_JAM = "The printer's lock is still held after a paper jam threw out of tryPrint().\n"
                + "What to look at: release the lock in finally: lock.tryLock(...) then try { print } finally { unlock }.";
        static final String ONE_AT_A_TIME = "print only while holding the printer's lock";
        static final String BOTH_PRINTED = "two clerks with plenty of patience should both get their document printed";
        static final String SHOULD_GIVE_UP = "tryPrint(\"memo\", " + Waits.inWords(Delays.SHORT) + ") returned true although another worker held the"
                + " printer the whole time.\nWhat to look at: return false when tryLock(patience) gives up.";
        static final String PRINTED_WHILE_BUSY = "tryPrint() printed while another worker held the printer: take the"
                + " lock before printing, and print nothing when tryLock gives up.";
        static final String WAITS_FOREVER = "`impatient-clerk` is waiting for the busy printer with no time limit: its"
                + " patience was " + Waits.inWords(Delays.SHORT) + ", but lock() waits for as long as the holder keeps the printer.";
        static final String USE_TIMED_TRYLOCK = "lock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS) waits at most"
                + " the patience and returns whether it got the lock.";
        static final String GAVE_UP_AT_ONCE = "`patient-clerk` gave up on the busy printer at once, though its patience"
                + " was " + Waits.inWords(Delays.PATIENCE) + ": tryLock() without a timeout never waits.";
        static final String SHOULD_PRINT_AFTER_WAIT = "The holder let go of the printer while `patient-clerk` was still"
                + " within its patience, so tryPrint() should have printed \"memo\" and returned true.";
        static final String UNLOCKED_WITHOUT_HOLDING = "tryPrint() threw IllegalMonitorStateException after giving up:"
                + " it called unlock() on a lock it never got.";
        static final String UNLOCK_ONLY_IF_ACQUIRED = "unlock only after tryLock returned true: return false before the"
                + " try/finally, not inside it.";
    }
}
