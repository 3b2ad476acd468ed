package katas.locks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;

/**
 * An office printer that many threads share. Only one document may print at a time, and a caller
 * that finds the printer busy waits a limited time ({@code patience}) before giving up.
 */
public final class SharedPrinter {

    private final Lock lock;
    private final Consumer<String> paper;

    /**
     * A printer guarded by {@code lock} that prints onto {@code paper}.
     *
     * @param lock whoever holds it is using the printer; other code may hold it too
     * @param paper prints one document; it may throw (a paper jam)
     */
    public SharedPrinter(Lock lock, Consumer<String> paper) {
        this.lock = lock;
        this.paper = paper;
    }

    /**
     * Prints {@code document} if the printer can be had within {@code patience}.
     *
     * @return true if the document was printed, false if the printer stayed busy for the whole
     *     patience (then nothing was printed)
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    public boolean tryPrint(String document, Duration patience) throws InterruptedException {
        // MISTAKE: tryLock() without a timeout gives up at once instead of waiting out the patience.
        if (!lock.tryLock()) {
            return false;
        }
        try {
            paper.accept(document);
            return true;
        } finally {
            // Released on every path, a paper jam included; otherwise the printer stays busy for everyone.
            lock.unlock();
        }
    }
}
