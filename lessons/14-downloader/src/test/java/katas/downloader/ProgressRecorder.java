package katas.downloader;

import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A {@link ProgressListener} that records what it hears, from any thread. */
final class ProgressRecorder implements ProgressListener {

    /** One call of the listener. */
    record Event(boolean finished, int index, URI uri, int done, int total) {
    }

    private final Queue<Event> events = new ConcurrentLinkedQueue<>();

    @Override
    public void started(int index, URI uri) {
        events.add(new Event(false, index, uri, 0, 0));
    }

    @Override
    public void finished(int index, URI uri, int done, int total) {
        events.add(new Event(true, index, uri, done, total));
    }

    /** The indexes reported started, in the order heard. */
    List<Integer> started() {
        return events.stream().filter(e -> !e.finished()).map(Event::index).toList();
    }

    /** The "finished" events, in the order heard. */
    List<Event> finished() {
        return events.stream().filter(Event::finished).toList();
    }
}
