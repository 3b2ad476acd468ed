package katas.core;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The entry point of the warm worker that {@link WarmWorker} keeps running: a JVM that has JUnit and
 * the test kit loaded and runs one request after another, each in a fresh class loader, so that a
 * run costs no JVM start.
 *
 * <p>It reads one {@link Request} per line of standard input, as JSON, and answers on standard output
 * with a line {@code outcome <json>} per finished test and a line {@code done <json>} at the end of
 * the run. What the tests print is captured (up to {@link TestLauncher#OUTPUT_KEPT} bytes) and sent
 * with the end of the run; nothing else may reach standard output.
 */
public final class WarmWorkerMain {

    /** The line the worker prints once it is ready for requests. */
    static final String READY = "ready";
    static final String OUTCOME = "outcome ";
    static final String DONE = "done ";

    /** Threads of the JVM and the test tools that live across runs; any other new thread was left running by a run. */
    private static final List<String> LONG_LIVED_THREADS = List.of(
            "junit-jupiter-timeout-watcher", "ForkJoinPool.commonPool", "process reaper", "Common-Cleaner",
            "Attach Listener", "Notification Thread", "Lincheck", "lincheck", "FinalizerDaemon", "JFR");

    /**
     * One run: the class path of the compiled kata and tests, the test classes, the tag filter
     * ({@code +Tag}, {@code -Tag} or {@code null}) and JUnit configuration parameters.
     */
    record Request(List<String> classpath, List<String> testClasses, String tagFilter,
            Map<String, String> configuration) {
    }

    /**
     * The end of a run: what the tests printed and the threads the run left running (then the worker
     * must be replaced, since they may hold locks or keep working).
     */
    record Done(String output, List<String> leftRunning) {
    }

    private WarmWorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        Launcher launcher = LauncherFactory.create();
        protocol.println(READY);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            Request request = json.readValue(line, Request.class);
            Done done = run(launcher, request, outcome -> {
                try {
                    protocol.println(OUTCOME + json.writeValueAsString(outcome));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            protocol.println(DONE + json.writeValueAsString(done));
        }
        // The runner has gone: threads a kata left running must not keep this JVM alive.
        System.exit(0);
    }

    private static Done run(Launcher launcher, Request request, java.util.function.Consumer<TestOutcome> report)
            throws IOException {
        Set<Long> threadsBefore = liveThreadIds();
        CappedOutput output = new CappedOutput(TestLauncher.OUTPUT_KEPT);
        PrintStream capture = new PrintStream(output, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        Thread self = Thread.currentThread();
        ClassLoader previous = self.getContextClassLoader();
        URLClassLoader loader = new URLClassLoader("kata-run", urls(request.classpath()),
                WarmWorkerMain.class.getClassLoader());
        try {
            System.setOut(capture);
            System.setErr(capture);
            self.setContextClassLoader(loader);
            LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                    .configurationParameters(request.configuration() == null ? Map.of() : request.configuration());
            String tags = request.tagFilter();
            if (tags != null && tags.startsWith("+")) {
                builder.filters(TagFilter.includeTags(tags.substring(1).split(",")));
            } else if (tags != null && tags.startsWith("-")) {
                builder.filters(TagFilter.excludeTags(tags.substring(1).split(",")));
            }
            List<DiscoverySelector> selectors = new ArrayList<>();
            for (String name : request.testClasses()) {
                try {
                    selectors.add(selectClass(Class.forName(name, false, loader)));
                } catch (ClassNotFoundException | LinkageError e) {
                    report.accept(new TestOutcome(name, "(the whole class)", TestOutcome.Status.FAILED, false,
                            e.getClass().getName(), "the test class cannot be loaded: " + e, List.of()));
                }
            }
            if (!selectors.isEmpty()) {
                int[] reported = {0};
                launcher.execute(builder.selectors(selectors).build(), new OutcomeRecorder(outcomes -> {
                    // Called with every outcome so far: pass on the new ones.
                    for (; reported[0] < outcomes.size(); reported[0]++) {
                        report.accept(outcomes.get(reported[0]));
                    }
                }));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            self.setContextClassLoader(previous);
        }
        List<String> leftRunning = threadsLeftRunning(threadsBefore);
        if (leftRunning.isEmpty()) {
            loader.close();
        }
        capture.flush();
        return new Done(output.text(), leftRunning);
    }

    private static URL[] urls(List<String> classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a class path entry: " + entry, e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static Set<Long> liveThreadIds() {
        Set<Long> ids = new HashSet<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> ids.add(thread.threadId()));
        return ids;
    }

    /** The threads started during the run that are still alive a moment after it (the kit has already waited for them). */
    private static List<String> threadsLeftRunning(Set<Long> before) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        while (true) {
            List<Thread> left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread.threadId()) && thread.isAlive())
                    .filter(thread -> LONG_LIVED_THREADS.stream().noneMatch(thread.getName()::startsWith))
                    .filter(thread -> !isJdkThread(thread))
                    .toList();
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left.stream().map(Thread::getName).toList();
            }
            try {
                left.get(0).join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left.stream().map(Thread::getName).toList();
            }
        }
    }

    private static boolean isJdkThread(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return thread.getClass().getName().startsWith("jdk.internal.")
                || (group != null && group.getName().equals("CarrierThreads"));
    }

    /** Keeps the first {@code limit} bytes written and counts the rest, so runaway output cannot fill memory. */
    private static final class CappedOutput extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;
        private long dropped;

        CappedOutput(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (kept.size() < limit) {
                kept.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int room = Math.max(0, Math.min(length, limit - kept.size()));
            kept.write(bytes, offset, room);
            dropped += length - room;
        }

        synchronized String text() {
            String text = kept.toString(StandardCharsets.UTF_8);
            return dropped > 0 ? text + "\n[... " + dropped + " more bytes of output left out ...]" : text;
        }
    }
}
