package katas.testkit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Registered for every kata test (through JUnit's extension auto-detection), it turns the ways a
 * concurrency test can go wrong into failures a learner can read.
 *
 * <ul>
 *   <li>A test cut off by the timeout fails with a {@link HangReport}: the deadlock cycle if there
 *       is one, otherwise what each of the learner's threads is doing.
 *   <li>A deadlock that Fray finds in one of its schedules fails with the threads' positions and the
 *       saved schedule to replay.
 *   <li>A starter method that still throws {@code UnsupportedOperationException("TODO ...")} fails
 *       as "not written yet".
 *   <li>A thread started during a test that is still running afterwards fails the test: every
 *       thread must be joined.
 * </ul>
 *
 * <p>It also keeps Fray's progress lines off the console while Fray explores schedules.
 */
public final class KataExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KataExtension.class);
    private static final String THREADS_BEFORE = "threads-before";
    private static final String CONSOLE = "console";

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean usesFray = Arrays.stream(context.getRequiredTestClass().getDeclaredMethods())
                .anyMatch(method -> hasAnnotationNamed(method, "FrayTest") || hasAnnotationNamed(method, "ConcurrencyTest"));
        // Maven runs the Fray tests in a JVM of their own and tells this one so; elsewhere (an IDE) they must not vanish.
        boolean frayRunsElsewhere = Boolean.getBoolean("kata.fray.elsewhere");
        if (usesFray && !FrayFailures.isFrayJvm() && !frayRunsElsewhere) {
            // Fray would skip these tests silently; a skipped kata test must never look like a pass.
            throw Failures.failure("These tests explore thread schedules with Fray, which needs its instrumented JDK,"
                            + " and this JVM (" + System.getProperty("java.home") + ") is not it.",
                    "run the lesson with Maven (`./mvnw test -pl lessons/NN-topic`) or `./kata`; to run it from your"
                            + " IDE, see \"Running Fray tests from an IDE\" in CONTRIBUTING.md");
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (FrayFailures.isFrayTest(context)) {
            store.put(CONSOLE, System.out);
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true));
            return;
        }
        store.put(THREADS_BEFORE, liveThreadIds());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        PrintStream console = store.remove(CONSOLE, PrintStream.class);
        if (console != null) {
            System.setOut(console);
        }
        @SuppressWarnings("unchecked")
        Set<Long> before = store.remove(THREADS_BEFORE, Set.class);
        if (before == null) {
            return;
        }
        List<Thread> leaked = threadsStartedSince(before);
        if (leaked.isEmpty()) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            // The test already failed (often because these threads are stuck): do not pile on.
            leaked.forEach(Thread::interrupt);
            return;
        }
        for (Thread thread : leaked) {
            try {
                thread.join(Delays.PATIENCE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        List<Thread> stillRunning = leaked.stream().filter(Thread::isAlive).toList();
        if (!stillRunning.isEmpty()) {
            String report = HangReport.describe(stillRunning);
            stillRunning.forEach(Thread::interrupt);
            throw Failures.failure(names(stillRunning) + (stillRunning.size() == 1 ? " was" : " were")
                            + " started during the test and " + (stillRunning.size() == 1 ? "is" : "are")
                            + " still running " + Waits.inWords(Delays.PATIENCE) + " after it ended.",
                    "every thread you start must end, and be joined before you use its results;"
                            + " stop background threads (interrupt them, or signal them to finish)",
                    report, null);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof TimeoutException && ModelCheck.isRunning()) {
            throw Failures.failure("The test did not finish in time: Lincheck's model checker was still exploring"
                            + " interleavings when the timeout came. It is slow on a busy machine.",
                    "run it again with a larger -Dkata.timeout.factor (say 3); if it still times out on an idle"
                            + " machine, look for an operation that can loop forever",
                    HangReport.capture(), failure);
        }
        if (failure instanceof TimeoutException) {
            throw Failures.failure("The test did not finish in time: " + HangReport.headline(),
                    "which lock or signal each thread below waits for; a deadlock means two threads take the same"
                            + " locks in opposite orders",
                    HangReport.capture(), failure);
        }
        if (FrayFailures.isDeadlock(failure)) {
            throw FrayFailures.deadlock(context, failure);
        }
        if (Failures.isStarterTodo(failure)) {
            throw Failures.notWrittenYet(failure);
        }
        if (failure instanceof Workers.WorkerFailure && Failures.isStarterTodo(failure.getCause())) {
            throw Failures.notWrittenYet(failure.getCause());
        }
        throw failure;
    }

    private static Set<Long> liveThreadIds() {
        Set<Long> ids = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ids.add(thread.threadId());
        }
        return ids;
    }

    private static List<Thread> threadsStartedSince(Set<Long> before) {
        List<Thread> started = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(thread.threadId()) && thread.isAlive() && !HangReport.isToolThread(thread.getName())
                    && !isJdkThread(thread) && thread != Thread.currentThread()) {
                started.add(thread);
            }
        }
        return started;
    }

    /**
     * The JDK's own threads, started on demand: the virtual-thread scheduler's carriers and its delay
     * scheduler (group "CarrierThreads"), and system threads such as "VirtualThread-unblocker".
     */
    private static boolean isJdkThread(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return thread.getClass().getName().startsWith("jdk.internal.")
                || (group != null && group.getName().equals("CarrierThreads"));
    }

    private static String names(List<Thread> threads) {
        return String.join(", ", threads.stream().map(t -> "`" + t.getName() + "`").toList());
    }

    static boolean hasAnnotationNamed(Method method, String simpleName) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().getSimpleName().equals(simpleName));
    }
}
