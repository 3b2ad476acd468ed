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
 * <p>Fray switches threads only at synchronization points (locks, monitors, waits, atomics,
 * volatile fields), so it is the tool for lock and condition bugs: if instead of while, signal
 * instead of signalAll, a lock not released, opposite lock orders. For lost updates on plain
 * fields use {@link ModelCheck} or an {@link ExclusiveSection}.
 */
public final class Schedules {

    /** Schedules explored per {@code @FrayTest}. The buggy katas fail within the first few dozen. */
    public static final int ITERATIONS = 500;

    private Schedules() {
    }
}
