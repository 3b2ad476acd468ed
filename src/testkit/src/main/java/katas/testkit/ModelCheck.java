package katas.testkit;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * Systematic checks of a shared object with Lincheck's model checker: it runs the {@code @Operation}
 * methods of a test class from two threads and explores their interleavings one by one, including
 * switches in the middle of a plain {@code count++}, so a lost update or a check-then-act race is
 * found on every run, however idle or loaded the machine is.
 *
 * <p>The test class holds the object under test in an instance field and exposes the operations.
 * Lincheck creates it by reflection, so it must be {@code public} with a public no-argument
 * constructor (an exception to our package-private tests), and a nested one {@code public static}:
 *
 * <pre>{@code
 * public class CounterModelTest {
 *     private final Counter counter = new Counter();
 *     @Operation public void increment() { counter.increment(); }
 *     @Operation public long value() { return counter.value(); }
 *
 *     @ModelCheckTest void noUpdateIsLost() {   // @Test is enough for a plain field; see ModelCheckTest
 *         ModelCheck.assertLinearizable(getClass(), "Concurrent increments must all count.", "count++ ...");
 *     }
 * }
 * }</pre>
 *
 * <p>The limits are fixed here for every kata (two threads of up to three operations, a bounded
 * number of scenarios and interleavings) so that a check takes seconds, not minutes.
 */
public final class ModelCheck {

    /** Random scenarios tried per check. */
    public static final int SCENARIOS = 10;
    /** Interleavings explored per scenario. */
    public static final int INTERLEAVINGS = 300;

    /** Set while {@link #assertLinearizable} runs; JUnit's timeout reads it from another thread. */
    private static final java.util.concurrent.atomic.AtomicBoolean RUNNING = new java.util.concurrent.atomic.AtomicBoolean();

    private ModelCheck() {
    }

    /**
     * Fails unless every interleaving of the operations gives a result that some one-at-a-time
     * order of the same operations could give.
     *
     * @param whatMustHold the property in the learner's words, first line of the failure
     * @param whatToLookAt where the mistake usually is
     */
    public static void assertLinearizable(Class<?> testClass, String whatMustHold, String whatToLookAt) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(SCENARIOS)
                .invocationsPerIteration(INTERLEAVINGS)
                .threads(2)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(1)
                .minimizeFailedScenario(true);
        RUNNING.set(true);
        try {
            options.check(testClass);
        } catch (AssertionError lincheckFound) {
            throw Failures.failure(whatMustHold.strip()
                            + " Lincheck's model checker found an interleaving of two threads where it does not:"
                            + " the table below shows what each thread called and the results, then step by step"
                            + " where the threads switched.",
                    whatToLookAt, lincheckFound.getMessage(), null);
        } finally {
            RUNNING.set(false);
        }
    }

    /** Whether a model check is under way (a timeout then means the check was slow, not that a thread hung). */
    static boolean isRunning() {
        return RUNNING.get();
    }
}
