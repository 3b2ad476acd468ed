package katas.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Failures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:2")
@DisplayName("Retrier: try again, with growing pauses")
class RetrierTest {

    private static final URI FILE = URI.create("http://example.invalid/files/file_1.txt");
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    /** The tries made and the pauses asked for; the pauses return at once. */
    private final List<Integer> attempts = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final RetryPolicy.Sleeper recordingSleeper = pauses::add;

    @Test
    @DisplayName("tries again after retryable failures, pausing twice as long each time, and returns the first success")
    void retriesWithGrowingPauses() throws Exception {
        String result = Retrier.withRetries(attempt -> {
            attempts.add(attempt);
            if (attempt < 3) {
                throw DownloadException.status(FILE, 503);
            }
            return "contents";
        }, new RetryPolicy(4, FIRST_PAUSE, recordingSleeper));

        assertThat(result)
                .withFailMessage(Messages.wrongResult(result))
                .isEqualTo("contents");
        assertThat(attempts)
                .withFailMessage(Messages.wrongAttempts("two 503 answers, then a success", List.of(1, 2, 3), attempts))
                .containsExactly(1, 2, 3);
        assertThat(pauses)
                .withFailMessage(Messages.wrongPauses(List.of(FIRST_PAUSE, FIRST_PAUSE.multipliedBy(2)), pauses))
                .containsExactly(FIRST_PAUSE, FIRST_PAUSE.multipliedBy(2));
    }

    @Test
    @DisplayName("gives up after maxAttempts tries and throws the last failure")
    void givesUpAfterMaxAttempts() {
        List<DownloadException> failures = new CopyOnWriteArrayList<>();
        Throwable thrown = thrownBy(() -> Retrier.withRetries(attempt -> {
            attempts.add(attempt);
            DownloadException failure = DownloadException.status(FILE, 503);
            failures.add(failure);
            throw failure;
        }, new RetryPolicy(3, FIRST_PAUSE, recordingSleeper)));

        assertThat(attempts)
                .withFailMessage(Messages.wrongAttempts("503 every time, with maxAttempts 3", List.of(1, 2, 3), attempts))
                .containsExactly(1, 2, 3);
        assertThat(thrown)
                .withFailMessage(Messages.notTheLastFailure(thrown))
                .isSameAs(failures.getLast());
        assertThat(pauses)
                .withFailMessage(Messages.wrongPauses(List.of(FIRST_PAUSE, FIRST_PAUSE.multipliedBy(2)), pauses))
                .containsExactly(FIRST_PAUSE, FIRST_PAUSE.multipliedBy(2));
    }

    @Test
    @DisplayName("does not try again after a failure that is not retryable, such as 404")
    void doesNotRetryAFatalFailure() {
        DownloadException notFound = DownloadException.status(FILE, 404);
        Throwable thrown = thrownBy(() -> Retrier.withRetries(attempt -> {
            attempts.add(attempt);
            throw notFound;
        }, new RetryPolicy(3, FIRST_PAUSE, recordingSleeper)));

        assertThat(attempts)
                .withFailMessage(Messages.retriedAFatalFailure(attempts))
                .containsExactly(1);
        assertThat(pauses)
                .withFailMessage(Messages.retriedAFatalFailure(attempts))
                .isEmpty();
        assertThat(thrown)
                .withFailMessage(Messages.notTheLastFailure(thrown))
                .isSameAs(notFound);
    }

    @Test
    @DisplayName("stops when interrupted during a pause: throws InterruptedException, no further try")
    void stopsWhenInterruptedDuringAPause() {
        RetryPolicy.Sleeper interrupted = pause -> {
            pauses.add(pause);
            throw new InterruptedException("the download was cancelled during its pause");
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        thrown.set(thrownBy(() -> Retrier.withRetries(attempt -> {
            attempts.add(attempt);
            throw DownloadException.status(FILE, 503);
        }, new RetryPolicy(3, FIRST_PAUSE, interrupted))));
        Thread.interrupted(); // clear a flag the code may have set again, so it cannot leak into other tests

        assertThat(attempts)
                .withFailMessage(Messages.triedAfterInterrupt(attempts, pauses))
                .containsExactly(1);
        assertThat(thrown.get())
                .withFailMessage(Messages.interruptNotThrown(thrown.get()))
                .isInstanceOf(InterruptedException.class);
    }

    /** What {@code call} throws, or {@code null}; a starter's TODO passes through. */
    private static Throwable thrownBy(Call call) {
        try {
            call.run();
            return null;
        } catch (UnsupportedOperationException todo) {
            throw todo;
        } catch (Exception thrown) {
            return thrown;
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static String wrongResult(String result) {
            return Failures.message("withRetries() should return what the first successful try returned, \"contents\","
                    + " but returned " + (result == null ? "null" : "\"" + result + "\"") + ".",
                    "return attempt.run(n) as soon as a try succeeds", null);
        }

        static String wrongAttempts(String scenario, List<Integer> expected, List<Integer> attempts) {
            return Failures.message("With " + scenario + ", the tries should be numbered " + expected + ", but were "
                            + attempts + ".",
                    "call attempt.run(n) with n = 1, 2, 3, ...; try again only after a retryable failure, and stop after"
                            + " maxAttempts tries", null);
        }

        static String wrongPauses(List<Duration> expected, List<Duration> pauses) {
            return Failures.message("Between the tries, the sleeper should have been asked for pauses of "
                            + inMillis(expected) + ", but was asked for " + inMillis(pauses) + ".",
                    "after try n fails, pause with policy.sleeper().sleep(policy.pauseAfter(n)) before try n + 1: a"
                            + " server in trouble needs room, and hammering it again at once makes things worse", null);
        }

        private static String inMillis(List<Duration> pauses) {
            return pauses.isEmpty() ? "none"
                    : String.join(", ", pauses.stream().map(p -> p.toMillis() + " ms").toList());
        }

        static String notTheLastFailure(Throwable thrown) {
            return Failures.message("withRetries() should throw the failure of the last try, as it is, but threw "
                            + thrown + ".", "rethrow the DownloadException you caught (throw failure;)", null);
        }

        static String retriedAFatalFailure(List<Integer> attempts) {
            return Failures.message("A 404 (not retryable) was tried " + attempts.size() + " times; it should be thrown"
                            + " after the first try, without a pause.",
                    "check failure.retryable(): asking again for a file that is not there gets the same answer", null);
        }

        static String triedAfterInterrupt(List<Integer> attempts, List<Duration> pauses) {
            return Failures.message((pauses.isEmpty() ? "No pause was asked for after the first failed try"
                            : "The pause after the first try was interrupted") + ", and the tries went on: " + attempts
                            + ".",
                    "an interrupt means \"stop\": let the InterruptedException of sleep() propagate instead of catching"
                            + " it, so a cancelled download stops retrying", null);
        }

        static String interruptNotThrown(Throwable thrown) {
            return Failures.message("The pause was interrupted, so withRetries() should throw InterruptedException,"
                            + " but it " + (thrown == null ? "returned normally" : "threw " + thrown) + ".",
                    "declare and let InterruptedException through; whoever cancelled the download waits to hear it", null);
        }
    }
}
