package katas.queue;

import java.util.Iterator;
import java.util.function.Consumer;

/**
 * A producer/consumer pipeline: the calling thread produces, worker threads consume, and a bounded queue
 * between them makes the producer wait whenever the workers fall behind.
 *
 * <p>In Python: a {@code queue.Queue(maxsize=capacity)}, worker threads that loop on {@code q.get()}, and
 * at the end one {@code None} per worker, so that each of them stops.
 */
public final class Pipeline {

    private final int capacity;
    private final int workers;

    /**
     * @param capacity how many items may wait in the queue at once (at least 1)
     * @param workers how many worker threads handle the items (at least 1)
     */
    public Pipeline(int capacity, int workers) {
        if (capacity < 1 || workers < 1) {
            throw new IllegalArgumentException("capacity and workers must be at least 1, not " + capacity + " and "
                    + workers);
        }
        this.capacity = capacity;
        this.workers = workers;
    }

    /**
     * Hands every item of {@code source} to {@code handler}, each exactly once, on worker threads named
     * {@code worker-1} to {@code worker-N}, and returns once every item has been handled and every worker
     * has ended.
     *
     * <p>The calling thread is the producer: it takes the items from {@code source} one by one and puts
     * each into a queue that holds at most {@code capacity} items, waiting while the queue is full
     * (back-pressure). Once the source is exhausted, it tells every worker to stop and waits for them.
     */
    public <T> void run(Iterator<? extends T> source, Consumer<? super T> handler) throws InterruptedException {
        // TODO: make a bounded BlockingQueue; start the workers, each taking items and handing them to handler until it takes a stop signal; put every item, then one stop signal per worker; join the workers.
        throw new UnsupportedOperationException("TODO: run() moves every item through a bounded queue to the workers");
    }
}
