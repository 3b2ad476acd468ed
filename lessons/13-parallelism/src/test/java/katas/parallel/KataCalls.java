package katas.parallel;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import katas.testkit.Delays;
import katas.testkit.Failures;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Calls the learner's code and turns what it throws into a failure that explains it: a starter's
 * "TODO" is passed on as it is (the kit reports it as not written yet), even when a fork/join pool
 * has wrapped it on its way back from a worker thread.
 */
final class KataCalls {

    /** A call of the learner's code. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    private KataCalls() {
    }

    /**
     * Returns what {@code call} returns; if it throws, fails with "{@code what} threw ..." and
     * {@code whatToLookAt}.
     */
    static <T> T call(String what, String whatToLookAt, Call<T> call) {
        try {
            return call.call();
        } catch (Throwable thrown) {
            for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnsupportedOperationException todo && todo.getMessage() != null
                        && todo.getMessage().startsWith("TODO")) {
                    throw todo;
                }
            }
            if (thrown instanceof AssertionError assertion) {
                // A fork/join pool rethrows a worker's error as a new one with the original as its cause.
                throw assertion.getMessage() == null && assertion.getCause() instanceof AssertionError original
                        ? original : assertion;
            }
            if (thrown instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw Failures.failure(what + " threw " + thrown.getClass().getSimpleName()
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()) + ".", whatToLookAt, null, thrown);
        }
    }

    /** Polls {@code condition} until it holds (true) or the patience delay runs out (false). */
    static boolean eventually(BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(Delays.PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .pollInSameThread().until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException timeout) {
            return false;
        }
    }
}
