package katas.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the threads of a recorded run did, from a JFR recording: when each thread lived, and when it
 * was blocked entering a lock (and who held it), waiting (on a monitor or parked on a lock or
 * condition) or sleeping. Whatever else a live thread did counts as running.
 */
record ThreadTimeline(Instant start, Instant end, List<Lane> lanes) {

    /** The JFR events a timeline is drawn from. */
    static final List<String> EVENTS = List.of("jdk.ThreadStart", "jdk.ThreadEnd", "jdk.JavaMonitorEnter",
            "jdk.JavaMonitorWait", "jdk.ThreadPark", "jdk.ThreadSleep");

    /** Threads of the JVM and of JFR itself, which no demonstration starts. */
    private static final Set<String> JVM_THREADS = Set.of("Reference Handler", "Finalizer", "Signal Dispatcher",
            "Common-Cleaner", "Attach Listener", "Notification Thread", "process reaper", "DestroyJavaVM");

    /** How a thread spent a stretch of time. */
    enum Activity {
        BLOCKED('#', "#d9534f", "blocked entering a lock"),
        WAITING('.', "#f0ad4e", "waiting (wait(), or parked on a lock, a condition, a queue, a join)"),
        SLEEPING('z', "#5bc0de", "sleeping"),
        RUNNING('=', "#5cb85c", "running (or ready to run)");

        final char mark;
        final String colour;
        final String meaning;

        Activity(char mark, String colour, String meaning) {
            this.mark = mark;
            this.colour = colour;
            this.meaning = meaning;
        }
    }

    /** A stretch of time a thread spent blocked, waiting or sleeping; {@code on} says on what. */
    record Span(Activity activity, Instant from, Instant to, String on) {
    }

    /** One thread: when it lived, and its spans in time order. */
    record Lane(String thread, Instant born, Instant died, List<Span> spans) {
    }

    /** Reads the timeline of the threads in {@code recording}. */
    static ThreadTimeline read(Path recording) throws IOException {
        List<RecordedEvent> events = new ArrayList<>(RecordingFile.readAllEvents(recording));
        events.sort(Comparator.comparing(RecordedEvent::getStartTime));
        Map<String, Instant> born = new LinkedHashMap<>();
        Map<String, Instant> died = new LinkedHashMap<>();
        Map<String, List<Span>> spans = new LinkedHashMap<>();
        Instant first = null;
        Instant last = null;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (!EVENTS.contains(type)) {
                continue;
            }
            first = first == null || event.getStartTime().isBefore(first) ? event.getStartTime() : first;
            last = last == null || event.getEndTime().isAfter(last) ? event.getEndTime() : last;
            switch (type) {
                case "jdk.ThreadStart" -> named(event, "thread").ifPresent(name -> born.putIfAbsent(name, event.getStartTime()));
                case "jdk.ThreadEnd" -> named(event, "thread").ifPresent(name -> died.put(name, event.getStartTime()));
                default -> named(event, "eventThread").ifPresent(name -> spans.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(span(type, event)));
            }
        }
        if (first == null) {
            return new ThreadTimeline(Instant.EPOCH, Instant.EPOCH, List.of());
        }
        List<Lane> lanes = new ArrayList<>();
        Set<String> threads = new java.util.LinkedHashSet<>();
        if (spans.containsKey("main")) {
            threads.add("main");
        }
        threads.addAll(born.keySet());
        threads.addAll(spans.keySet());
        for (String thread : threads) {
            if (JVM_THREADS.contains(thread) || thread.startsWith("JFR ")) {
                continue;
            }
            lanes.add(new Lane(thread, born.getOrDefault(thread, first), died.getOrDefault(thread, last),
                    spans.getOrDefault(thread, List.of())));
        }
        return new ThreadTimeline(first, last, lanes);
    }

    private static Span span(String type, RecordedEvent event) {
        Activity activity = switch (type) {
            case "jdk.JavaMonitorEnter" -> Activity.BLOCKED;
            case "jdk.ThreadSleep" -> Activity.SLEEPING;
            default -> Activity.WAITING;
        };
        String on = switch (type) {
            case "jdk.JavaMonitorEnter" -> "the lock of a " + className(event, "monitorClass")
                    + named(event, "previousOwner").map(owner -> ", held by " + owner).orElse("");
            case "jdk.JavaMonitorWait" -> "wait() on a " + className(event, "monitorClass")
                    + named(event, "notifier").map(by -> ", woken by " + by).orElse("");
            case "jdk.ThreadPark" -> "parked on a " + className(event, "parkedClass");
            default -> "sleep()";
        };
        return new Span(activity, event.getStartTime(), event.getEndTime(), on);
    }

    private static java.util.Optional<String> named(RecordedEvent event, String field) {
        if (!event.hasField(field)) {
            return java.util.Optional.empty();
        }
        RecordedThread thread = event.getValue(field);
        if (thread == null) {
            return java.util.Optional.empty();
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        return java.util.Optional.ofNullable(name);
    }

    private static String className(RecordedEvent event, String field) {
        if (!event.hasField(field)) {
            return "object";
        }
        RecordedClass type = event.getValue(field);
        if (type == null) {
            return "object";
        }
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** What {@code lane} was doing at {@code moment}, or {@code null} if it was not alive. */
    Activity at(Lane lane, Instant moment) {
        if (moment.isBefore(lane.born()) || moment.isAfter(lane.died())) {
            return null;
        }
        for (Span span : lane.spans()) {
            if (!moment.isBefore(span.from()) && !moment.isAfter(span.to())) {
                return span.activity();
            }
        }
        return Activity.RUNNING;
    }

    Duration length() {
        return Duration.between(start, end);
    }

    /** Milliseconds from the start of the recording. */
    double millis(Instant moment) {
        return Duration.between(start, moment).toNanos() / 1e6;
    }
}
