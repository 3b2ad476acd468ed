package katas.testkit.samples;

import java.util.concurrent.atomic.AtomicInteger;
import katas.testkit.Failures;
import katas.testkit.Schedules;
import katas.testkit.Workers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;

/** Fray explorations of the sample lock and condition bugs and their twins; run by the kit's own tests. */
@ExtendWith(FrayTestExtension.class)
final class FraySamples {

    @FrayTest(iterations = Schedules.ITERATIONS)
    void transferInArgumentOrder() {
        transfers(true);
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    void transferInIdOrder() {
        transfers(false);
    }

    private static void transfers(boolean argumentOrder) {
        Buggy.Account a = new Buggy.Account(1);
        Buggy.Account b = new Buggy.Account(2);
        try (Workers workers = new Workers()) {
            workers.start("transfer-1", () -> transfer(argumentOrder, a, b));
            workers.start("transfer-2", () -> transfer(argumentOrder, b, a));
            workers.joinAll();
        }
        Failures.expect(a.balance + b.balance == 200, "money is not conserved", "the transfer's two updates");
    }

    private static void transfer(boolean argumentOrder, Buggy.Account from, Buggy.Account to) {
        if (argumentOrder) {
            Buggy.transferInArgumentOrder(from, to, 10);
        } else {
            Buggy.transferInIdOrder(from, to, 10);
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    void ifEvent() {
        awaitReturnsOnlyOnceSet(new Buggy.IfEvent());
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    void goodEventOneWaiter() {
        awaitReturnsOnlyOnceSet(new Buggy.GoodEvent());
    }

    private static void awaitReturnsOnlyOnceSet(Buggy.Event event) {
        try (Workers workers = new Workers()) {
            workers.start("waiter", () -> {
                event.await();
                Failures.expect(event.isSet(), "await() returned although the event was not set", "wait in a while loop");
            });
            workers.start("setter", event::set);
            workers.joinAll();
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    void signalOneEvent() {
        everyWaiterWakes(new Buggy.SignalOneEvent());
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    void goodEventTwoWaiters() {
        everyWaiterWakes(new Buggy.GoodEvent());
    }

    private static void everyWaiterWakes(Buggy.Event event) {
        try (Workers workers = new Workers()) {
            workers.start("waiter-1", event::await);
            workers.start("waiter-2", event::await);
            workers.start("setter", event::set);
            workers.joinAll();
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    void unlockNotInFinally() {
        Buggy.UnlockNotInFinally totals = new Buggy.UnlockNotInFinally();
        try (Workers workers = new Workers()) {
            workers.start("bad-amount", () -> ignoreIllegalArgument(() -> totals.add(-1)));
            workers.start("good-amount", () -> totals.add(1));
            workers.joinAll();
        }
        Failures.expect(totals.total() == 1, "the total is " + totals.total() + ", not 1", "unlock in finally");
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    void unlockInFinally() {
        Buggy.UnlockInFinally totals = new Buggy.UnlockInFinally();
        try (Workers workers = new Workers()) {
            workers.start("bad-amount", () -> ignoreIllegalArgument(() -> totals.add(-1)));
            workers.start("good-amount", () -> totals.add(1));
            workers.joinAll();
        }
        Failures.expect(totals.total() == 1, "the total is " + totals.total() + ", not 1", "unlock in finally");
    }

    private static void ignoreIllegalArgument(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException expected) {
            // the amount was refused, as it should be
        }
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    void bufferWaitingWithIf() throws Exception {
        twoConsumers(new Buggy.BoundedBuffer(true));
    }

    @FrayTest(iterations = Schedules.ITERATIONS)
    void bufferWaitingWithWhile() throws Exception {
        twoConsumers(new Buggy.BoundedBuffer(false));
    }

    private static void twoConsumers(Buggy.BoundedBuffer buffer) {
        AtomicInteger sum = new AtomicInteger();
        try (Workers workers = new Workers()) {
            workers.start("consumer-1", () -> sum.addAndGet(buffer.take()));
            workers.start("consumer-2", () -> sum.addAndGet(buffer.take()));
            workers.start("producer", () -> {
                buffer.put(1);
                buffer.put(2);
            });
            workers.joinAll();
        }
        Failures.expect(sum.get() == 3, "the consumers took " + sum.get() + ", not 1 + 2", "wait in a while loop");
    }
}
