package katas.queue;

import java.time.Duration;

/**
 * Python's {@code queue.Queue}, built from Java's own tools: a FIFO queue of tasks with an optional
 * bound, waits with and without timeouts, {@code task_done()}/{@code join()}, and Python 3.13's
 * {@code shutdown()}.
 *
 * <p>Build it on one lock: {@code synchronized} with {@code wait()}/{@code notifyAll()}, or a
 * {@code ReentrantLock} with {@code Condition}s (Python's own uses one lock and three conditions:
 * not empty, not full, all tasks done). Not on a {@code java.util.concurrent.BlockingQueue}: that is the
 * point of the exercise. Items are never {@code null}.
 */
public final class TaskQueue<E> {

    // TODO: the state, guarded by one lock: the items (an ArrayDeque), the maxsize, the count of unfinished tasks and the shutdown flag.

    /**
     * A queue that holds at most {@code maxsize} items; {@code maxsize <= 0} means no limit.
     */
    public TaskQueue(int maxsize) {
        // TODO: remember maxsize (<= 0: unbounded).
    }

    /**
     * Adds {@code item} at the tail, waiting while the queue is full.
     *
     * @throws NullPointerException if {@code item} is null
     * @throws QueueShutDownException if the queue is shut down, before or during the wait
     */
    public void put(E item) throws InterruptedException {
        // TODO: wait while the queue is full, then add the item, count one more unfinished task and wake a getter.
        throw new UnsupportedOperationException("TODO: put(item) waits while the queue is full, then adds the item");
    }

    /**
     * Adds {@code item} at the tail, waiting at most {@code timeout} while the queue is full.
     *
     * @throws QueueFullException if the queue is still full when the timeout has passed (at once for zero)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws NullPointerException if {@code item} is null
     * @throws QueueShutDownException if the queue is shut down, before or during the wait
     */
    public void put(E item, Duration timeout) throws InterruptedException {
        // TODO: like put(item), but give up with QueueFullException once the timeout has passed.
        throw new UnsupportedOperationException("TODO: put(item, timeout) waits at most the timeout for room");
    }

    /**
     * Adds {@code item} at the tail if there is room now; never waits.
     *
     * @throws QueueFullException if the queue is full
     * @throws NullPointerException if {@code item} is null
     * @throws QueueShutDownException if the queue is shut down
     */
    public void putNowait(E item) {
        // TODO: add the item if there is room, else throw QueueFullException.
        throw new UnsupportedOperationException("TODO: putNowait(item) adds the item only if there is room now");
    }

    /**
     * Removes and returns the item at the head, waiting while the queue is empty.
     *
     * @throws QueueShutDownException if the queue is shut down and empty, before or during the wait
     */
    public E get() throws InterruptedException {
        // TODO: wait while the queue is empty, then remove the head and wake a putter.
        throw new UnsupportedOperationException("TODO: get() waits while the queue is empty, then removes the head");
    }

    /**
     * Removes and returns the item at the head, waiting at most {@code timeout} while the queue is empty.
     *
     * @throws QueueEmptyException if the queue is still empty when the timeout has passed (at once for zero)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws QueueShutDownException if the queue is shut down and empty, before or during the wait
     */
    public E get(Duration timeout) throws InterruptedException {
        // TODO: like get(), but give up with QueueEmptyException once the timeout has passed.
        throw new UnsupportedOperationException("TODO: get(timeout) waits at most the timeout for an item");
    }

    /**
     * Removes and returns the item at the head if there is one now; never waits.
     *
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public E getNowait() {
        // TODO: remove the head if there is one, else throw QueueEmptyException.
        throw new UnsupportedOperationException("TODO: getNowait() removes the head only if there is one now");
    }

    /**
     * Marks one task as done: a consumer calls it once for each item it got, after handling the item.
     *
     * @throws IllegalStateException if called more times than items were put
     */
    public void taskDone() {
        // TODO: count one unfinished task less (refuse to go below zero), and wake the joiners when none is left.
        throw new UnsupportedOperationException("TODO: taskDone() marks one task done");
    }

    /**
     * Waits until every item ever put has been marked done with {@link #taskDone()}. Never throws because
     * of a shutdown.
     */
    public void join() throws InterruptedException {
        // TODO: wait while some task is unfinished.
        throw new UnsupportedOperationException("TODO: join() waits until every task is done");
    }

    /**
     * Shuts the queue down: from now on every put throws {@link QueueShutDownException}, and so does every
     * get once the queue is empty; threads waiting in a put or (on an empty queue) in a get wake up and
     * throw it. With {@code immediate}, the items still queued are also discarded and counted as done,
     * which wakes the threads waiting in {@link #join()} if no other task is unfinished.
     */
    public void shutdown(boolean immediate) {
        // TODO: set the flag; if immediate, discard the items and count each as done, and wake the joiners; wake every waiting putter and getter.
        throw new UnsupportedOperationException("TODO: shutdown(immediate) shuts the queue down");
    }

    /** True once {@link #shutdown} has been called. */
    public boolean isShutdown() {
        // TODO: say whether the queue is shut down.
        throw new UnsupportedOperationException("TODO: isShutdown() says whether the queue is shut down");
    }

    /** How many items are in the queue now. */
    public int size() {
        // TODO: count the items.
        throw new UnsupportedOperationException("TODO: size() counts the items");
    }

    /** True if no item is in the queue now. */
    public boolean isEmpty() {
        // TODO: say whether there is no item.
        throw new UnsupportedOperationException("TODO: isEmpty() says whether there is no item");
    }

    /** True if the queue is bounded and holds {@code maxsize} items now; never true for an unbounded queue. */
    public boolean isFull() {
        // TODO: say whether the queue is bounded and full.
        throw new UnsupportedOperationException("TODO: isFull() says whether a bounded queue is full");
    }
}
