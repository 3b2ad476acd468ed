package katas.downloader;

/** Tries a download again after a failure that may pass, pausing longer each time. */
final class Retrier {

    /** One try of something that may fail; {@code attempt} counts the tries from 1. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int attempt) throws DownloadException, InterruptedException;
    }

    private Retrier() {
    }

    /**
     * Runs {@code attempt} until it succeeds, and returns its result. After a retryable failure it
     * pauses (through the policy's sleeper, for {@link RetryPolicy#pauseAfter}) and tries again, at most
     * {@link RetryPolicy#maxAttempts} tries in all; then it throws the last failure. A failure that is
     * not retryable is thrown at once. An interrupt, during a try or a pause, ends the retrying.
     */
    static <T> T withRetries(Attempt<T> attempt, RetryPolicy policy) throws DownloadException, InterruptedException {
        for (int n = 1; ; n++) {
            try {
                return attempt.run(n);
            } catch (DownloadException failure) {
                if (n >= policy.maxAttempts()) { // MISTAKE: retries a 404 as if it could pass
                    throw failure;
                }
                // Back off before trying again, longer each time, so a struggling server gets room to recover.
                // The sleep's InterruptedException is not caught: an interrupt means "stop", so it ends the retrying.
                policy.sleeper().sleep(policy.pauseAfter(n));
            }
        }
    }
}
