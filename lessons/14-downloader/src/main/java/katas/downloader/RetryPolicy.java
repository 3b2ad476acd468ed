package katas.downloader;

import java.time.Duration;

/**
 * How many times to try a download, and how long to pause between tries: {@code firstPause} after
 * the first failure, then twice as long after each further failure (exponential back-off).
 *
 * @param maxAttempts how many tries in all, at least 1
 * @param firstPause the pause after the first failed try
 * @param sleeper what pauses: {@link Sleeper#REAL} in a program; tests pass one that only records
 */
record RetryPolicy(int maxAttempts, Duration firstPause, Sleeper sleeper) {

    /** Pauses the calling thread; a pause may be cut short by an interrupt. */
    @FunctionalInterface
    interface Sleeper {

        /** Sleeps on the calling thread. */
        Sleeper REAL = Thread::sleep;

        void sleep(Duration pause) throws InterruptedException;
    }

    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** One try, no retries. */
    static RetryPolicy once() {
        return new RetryPolicy(1, Duration.ZERO, Sleeper.REAL);
    }

    /** The pause after the try number {@code failedAttempt} (counted from 1) failed: firstPause, 2x, 4x, ... */
    Duration pauseAfter(int failedAttempt) {
        return firstPause.multipliedBy(1L << Math.min(failedAttempt - 1, 30));
    }
}
