package katas.queue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * A producer/consumer pipeline: the calling thread produces, worker threads consume, and a bounded queue
 * between them makes the producer wait whenever the workers fall behind.
 *
 * <p>In Python: a {@code queue.Queue(maxsize=capacity)}, worker threads that loop on {@code q.get()}, and
 * at the end one {@code None} per worker, so that each of them stops.
 */
public final class Pipeline {

    /**
     * The stop signal (a "poison pill"): a worker that takes it ends. It is an object of its own, compared
     * by identity, so no real item can ever be mistaken for it (Python uses {@code None}, which no item is).
     */
    private static final Object STOP = new Object();

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
        // Bounded: once `capacity` items wait, put() blocks until a worker takes one, so a fast producer cannot
        // run ahead of slow workers and fill the memory. A LinkedBlockingQueue without a capacity never pushes back.
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(capacity);
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            Thread worker = new Thread(() -> work(queue, handler), "worker-" + i);
            threads.add(worker);
            worker.start();
        }
        boolean allSent = false;
        try {
            while (source.hasNext()) {
                // put(), not offer() or add(): on a full queue it waits for room, where offer() drops the item
                // (returns false) and add() throws.
                queue.put(source.next());
            }
            // One stop signal per worker: a worker that takes one ends, so each needs its own. They queue up
            // behind the last item (FIFO), so every item is handed out before any worker stops.
            queue.put(STOP);
            allSent = true;
        } finally {
            if (!allSent) {
                // The producer failed (interrupted, or the source threw): do not leave the workers waiting forever.
                threads.forEach(Thread::interrupt);
            }
            // Return only once every item has been handled: each worker ends after its last item.
            for (Thread worker : threads) {
                worker.join();
            }
        }
    }

    /** A worker's loop: take items and handle them until the stop signal comes. */
    @SuppressWarnings("unchecked")
    private static <T> void work(BlockingQueue<Object> queue, Consumer<? super T> handler) {
        try {
            // take() waits while the queue is empty: a waiting worker costs nothing, unlike a loop around poll().
            for (Object item = queue.take(); item != STOP; item = queue.take()) {
                handler.accept((T) item);
            }
        } catch (InterruptedException producerFailed) {
            // interrupted because the producer gave up: end quietly
        }
    }
}
