package katas.testkit;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Explains why threads are stuck: the deadlock cycle if there is one, otherwise what each thread is
 * doing, with the learner's own stack frames first and JDK and tool internals left out.
 */
public final class HangReport {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Frames from these packages are internals, not the learner's code. */
    private static final List<String> INTERNAL_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "org.opentest4j.", "org.assertj.",
            "org.awaitility.", "net.jqwik.", "org.pastalab.", "org.jetbrains.", "kotlin.", "kotlinx.",
            "org.apache.maven.", "katas.testkit.", "katas.core.");

    /** Threads of the JVM and of the test tools, never the learner's. */
    private static final List<String> TOOL_THREAD_PREFIXES = List.of(
            "Reference Handler", "Finalizer", "Signal Dispatcher", "Common-Cleaner", "Notification Thread",
            "Attach Listener", "process reaper", "surefire-forkedjvm", "junit-", "ForkJoinPool.commonPool",
            "Fray", "fray", "Lincheck", "lincheck", "FinalizerDaemon", "JFR", "awaitility", "kata-watchdog");

    private HangReport() {
    }

    /** A report on every thread of the learner's code: the deadlock cycles first, if any. */
    public static String capture() {
        List<List<ThreadInfo>> cycles = deadlockCycles();
        StringBuilder report = new StringBuilder();
        if (!cycles.isEmpty()) {
            for (List<ThreadInfo> cycle : cycles) {
                report.append(describeCycle(cycle)).append(System.lineSeparator());
            }
            report.append(System.lineSeparator());
        }
        report.append(describeThreads(learnerThreads()));
        return report.toString().strip();
    }

    /** The first line a learner should read: the deadlock cycle, or that no deadlock was found. */
    public static String headline() {
        List<List<ThreadInfo>> cycles = deadlockCycles();
        if (cycles.isEmpty()) {
            return "No deadlock among the threads: some thread is waiting for something that never happens"
                    + " (a signal, a release, a join of a thread that does not end) or is looping.";
        }
        return describeCycle(cycles.get(0));
    }

    /** The threads of {@code threads} described one by one: state, lock, the learner's frames. */
    public static String describe(Collection<Thread> threads) {
        long[] ids = threads.stream().mapToLong(Thread::threadId).toArray();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids, true, true);
        return describeThreads(Arrays.stream(infos).filter(info -> info != null).toList());
    }

    /** Every deadlock cycle among the live threads, each as the list of threads in wait-for order. */
    static List<List<ThreadInfo>> deadlockCycles() {
        long[] ids = THREADS.findDeadlockedThreads();
        if (ids == null) {
            return List.of();
        }
        Map<Long, ThreadInfo> byId = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(ids, true, true)) {
            if (info != null) {
                byId.put(info.getThreadId(), info);
            }
        }
        List<List<ThreadInfo>> cycles = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (long id : ids) {
            if (seen.contains(id)) {
                continue;
            }
            // Follow "waits for a lock owned by" until a thread repeats: that closes the cycle.
            List<ThreadInfo> path = new ArrayList<>();
            Map<Long, Integer> position = new HashMap<>();
            ThreadInfo current = byId.get(id);
            while (current != null && !position.containsKey(current.getThreadId())) {
                position.put(current.getThreadId(), path.size());
                path.add(current);
                current = byId.get(current.getLockOwnerId());
            }
            path.forEach(info -> seen.add(info.getThreadId()));
            if (current != null) {
                List<ThreadInfo> cycle = path.subList(position.get(current.getThreadId()), path.size());
                cycles.add(List.copyOf(cycle));
            }
        }
        return cycles;
    }

    private static String describeCycle(List<ThreadInfo> cycle) {
        StringBuilder text = new StringBuilder("Deadlock: ");
        List<String> links = new ArrayList<>();
        for (ThreadInfo info : cycle) {
            String held = heldLocks(info).stream().map(LockNames::describe).collect(Collectors.joining(" and "));
            links.add("`" + info.getThreadName() + "` holds " + (held.isEmpty() ? "a lock" : held)
                    + " and waits for " + LockNames.describe(info.getLockInfo())
                    + ", which `" + info.getLockOwnerName() + "` holds");
        }
        text.append(String.join("; ", links)).append('.');
        text.append(" Each thread waits for the next, so none can go on: take the locks in one global order.");
        return text.toString();
    }

    private static List<LockInfo> heldLocks(ThreadInfo info) {
        List<LockInfo> held = new ArrayList<>(Arrays.asList(info.getLockedMonitors()));
        held.addAll(Arrays.asList(info.getLockedSynchronizers()));
        return held;
    }

    private static List<ThreadInfo> learnerThreads() {
        ThreadInfo[] all = THREADS.dumpAllThreads(true, true);
        long self = Thread.currentThread().threadId();
        return Arrays.stream(all)
                .filter(info -> info.getThreadId() != self)
                .filter(HangReport::hasLearnerFrame)
                .toList();
    }

    static boolean isToolThread(String name) {
        return TOOL_THREAD_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static boolean hasLearnerFrame(ThreadInfo info) {
        return Arrays.stream(info.getStackTrace()).anyMatch(HangReport::isLearnerFrame);
    }

    static boolean isLearnerFrame(StackTraceElement frame) {
        String className = frame.getClassName();
        return INTERNAL_PREFIXES.stream().noneMatch(className::startsWith);
    }

    private static String describeThreads(List<ThreadInfo> infos) {
        if (infos.isEmpty()) {
            return "No thread of the kata's code was found running.";
        }
        StringBuilder text = new StringBuilder("Threads of the kata's code:");
        for (ThreadInfo info : infos) {
            text.append(System.lineSeparator()).append("  `").append(info.getThreadName()).append("` ")
                    .append(stateInWords(info));
            MonitorInfo[] monitors = info.getLockedMonitors();
            for (StackTraceElement frame : info.getStackTrace()) {
                if (!isLearnerFrame(frame)) {
                    continue;
                }
                text.append(System.lineSeparator()).append("      at ").append(frame);
                for (MonitorInfo monitor : monitors) {
                    if (frame.equals(monitor.getLockedStackFrame())) {
                        text.append("  (holds ").append(LockNames.describe(monitor)).append(')');
                    }
                }
            }
        }
        return text.toString();
    }

    private static String stateInWords(ThreadInfo info) {
        String lock = LockNames.describe(info.getLockInfo());
        String owner = info.getLockOwnerName() == null ? "" : ", held by `" + info.getLockOwnerName() + "`";
        return switch (info.getThreadState()) {
            case BLOCKED -> "is blocked entering " + lock + owner;
            case WAITING -> info.getLockInfo() == null ? "is waiting" : "is waiting on " + lock + owner;
            case TIMED_WAITING -> info.getLockInfo() == null ? "is in a timed wait" : "is in a timed wait on " + lock + owner;
            case RUNNABLE -> "is running";
            case NEW -> "was never started";
            case TERMINATED -> "has ended";
        };
    }
}
