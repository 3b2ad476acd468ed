package katas.testkit;

/**
 * How many thread schedules Fray explores per kata test, so every lesson pays the same and a
 * bug that any of them shows is found on every run.
 *
 * <pre>{@code
 * @ExtendWith(FrayTestExtension.class)
 * class TransferServiceTest {
 *     @FrayTest(iterations = Schedules.ITERATIONS)
 *     void transfers_in_opposite_directions_never_deadlock() { ... }
 * }
 * }</pre>
 *
 * <p>Keep the body of a Fray test small and its checks cheap ({@link Failures#expect}, not AssertJ):
 * it runs once per schedule.
 *
 * <p>Fray switches threads only at synchronization points (locks, monitors, waits, atomics,
 * volatile fields), so it is the tool for lock and condition bugs: if instead of while, signal
 * instead of signalAll, a lock not released, opposite lock orders. For lost updates on plain
 * fields use {@link ModelCheck} or an {@link ExclusiveSection}.
 */
public final class Schedules {

    /**
     * Schedules explored per {@code @FrayTest}. The kit's buggy samples fail within the first few
     * dozen; {@code bench/detection-under-load.sh} checks that this is enough on every run.
     */
    public static final int ITERATIONS = 300;

    private static final java.lang.reflect.Field FRAY_DELEGATE = frayDelegateField();

    private Schedules() {
    }

    /**
     * True while Fray explores the schedules of the current test. Fray then owns the schedule and
     * detects deadlocks itself, so the kit's helpers wait without timeouts.
     *
     * <p>Fray may load the test's classes afresh for each schedule, so this asks Fray's runtime
     * (which lives in the instrumented JDK's {@code java.base}) rather than a flag of the kit.
     */
    public static boolean isExploring() {
        if (FRAY_DELEGATE == null) {
            return false;
        }
        try {
            Object delegate = FRAY_DELEGATE.get(null);
            return delegate != null && !delegate.getClass().getName().equals("org.pastalab.fray.runtime.Delegate");
        } catch (IllegalAccessException unreadable) {
            return false;
        }
    }

    private static java.lang.reflect.Field frayDelegateField() {
        try {
            return Class.forName("org.pastalab.fray.runtime.Runtime").getField("LOCK_DELEGATE");
        } catch (ReflectiveOperationException | LinkageError notFray) {
            return null;
        }
    }
}
