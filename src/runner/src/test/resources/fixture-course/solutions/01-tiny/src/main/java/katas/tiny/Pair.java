package katas.tiny;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts what two threads did. */
final class Pair {

    private static final Object FIRST = new Object();
    private static final Object SECOND = new Object();

    private Pair() {
    }

    static int both() throws InterruptedException {
        AtomicInteger finished = new AtomicInteger();
        // Both threads take FIRST before SECOND: one order, so no cycle can form.
        Runnable work = () -> {
            synchronized (FIRST) {
                synchronized (SECOND) {
                    finished.incrementAndGet();
                }
            }
        };
        Thread a = new Thread(work, "pair-a");
        Thread b = new Thread(work, "pair-b");
        a.start();
        b.start();
        a.join();
        b.join();
        return finished.get();
    }
}
