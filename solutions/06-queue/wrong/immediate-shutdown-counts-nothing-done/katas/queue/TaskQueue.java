package katas.queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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

    // Python's design, one for one: one lock guards the whole state, and three conditions of that lock
    // let each kind of waiter sleep apart from the others, so a wake-up reaches the right kind of thread.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();     // getters wait here
    private final Condition notFull = lock.newCondition();      // putters wait here
    private final Condition allTasksDone = lock.newCondition(); // joiners wait here

    private final ArrayDeque<E> items = new ArrayDeque<>(); // guarded by lock
    private final int maxsize;                              // <= 0: unbounded
    private int unfinishedTasks;                            // guarded by lock: items put and not yet marked done
    private boolean shutdown;                               // guarded by lock

    /**
     * A queue that holds at most {@code maxsize} items; {@code maxsize <= 0} means no limit.
     */
    public TaskQueue(int maxsize) {
        this.maxsize = maxsize;
    }

    /**
     * Adds {@code item} at the tail, waiting while the queue is full.
     *
     * @throws NullPointerException if {@code item} is null
     * @throws QueueShutDownException if the queue is shut down, before or during the wait
     */
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            refuseIfShutDown();
            // while, not if: a woken putter must look again, because another putter may have taken the room
            // first, or the wake-up came from shutdown().
            while (full()) {
                notFull.await();
                refuseIfShutDown();
            }
            enqueue(item);
        } finally {
            lock.unlock();
        }
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
        Objects.requireNonNull(item, "item");
        long nanosLeft = nanos(timeout);
        lock.lock();
        try {
            refuseIfShutDown();
            while (full()) {
                if (nanosLeft <= 0) {
                    throw new QueueFullException("the queue stayed full for " + timeout);
                }
                // awaitNanos returns what is left of the wait, so one deadline holds across every wake-up.
                nanosLeft = notFull.awaitNanos(nanosLeft);
                refuseIfShutDown();
            }
            enqueue(item);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code item} at the tail if there is room now; never waits.
     *
     * @throws QueueFullException if the queue is full
     * @throws NullPointerException if {@code item} is null
     * @throws QueueShutDownException if the queue is shut down
     */
    public void putNowait(E item) {
        Objects.requireNonNull(item, "item");
        // Even a call that never waits takes the lock: the check for room and the add must be one step, and
        // ArrayDeque is not safe to change from two threads at once.
        lock.lock();
        try {
            refuseIfShutDown();
            if (full()) {
                throw new QueueFullException("the queue is full (" + maxsize + " items)");
            }
            enqueue(item);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the item at the head, waiting while the queue is empty.
     *
     * @throws QueueShutDownException if the queue is shut down and empty, before or during the wait
     */
    public E get() throws InterruptedException {
        lock.lock();
        try {
            // while, not if: another getter may have taken the item between the wake-up and this thread
            // getting the lock back.
            while (items.isEmpty()) {
                refuseIfShutDownAndEmpty();
                notEmpty.await();
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the item at the head, waiting at most {@code timeout} while the queue is empty.
     *
     * @throws QueueEmptyException if the queue is still empty when the timeout has passed (at once for zero)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws QueueShutDownException if the queue is shut down and empty, before or during the wait
     */
    public E get(Duration timeout) throws InterruptedException {
        long nanosLeft = nanos(timeout);
        lock.lock();
        try {
            while (items.isEmpty()) {
                refuseIfShutDownAndEmpty();
                if (nanosLeft <= 0) {
                    throw new QueueEmptyException("the queue stayed empty for " + timeout);
                }
                nanosLeft = notEmpty.awaitNanos(nanosLeft);
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the item at the head if there is one now; never waits.
     *
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public E getNowait() {
        lock.lock();
        try {
            if (items.isEmpty()) {
                refuseIfShutDownAndEmpty();
                throw new QueueEmptyException("the queue is empty");
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks one task as done: a consumer calls it once for each item it got, after handling the item.
     *
     * @throws IllegalStateException if called more times than items were put
     */
    public void taskDone() {
        lock.lock();
        try {
            if (unfinishedTasks <= 0) {
                // Python raises ValueError; the count stays at zero, so a later join() still waits for later items.
                throw new IllegalStateException("taskDone() called more times than there were items");
            }
            unfinishedTasks--;
            if (unfinishedTasks == 0) {
                // signalAll, not signal: every joiner waits for this same moment, and each must return.
                allTasksDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every item ever put has been marked done with {@link #taskDone()}. Never throws because
     * of a shutdown.
     */
    public void join() throws InterruptedException {
        lock.lock();
        try {
            // The count of unfinished tasks, not the number of queued items: an item a consumer has got but
            // not yet handled is still unfinished, though it has left the queue.
            while (unfinishedTasks > 0) {
                allTasksDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Shuts the queue down: from now on every put throws {@link QueueShutDownException}, and so does every
     * get once the queue is empty; threads waiting in a put or (on an empty queue) in a get wake up and
     * throw it. With {@code immediate}, the items still queued are also discarded and counted as done,
     * which wakes the threads waiting in {@link #join()} if no other task is unfinished.
     */
    public void shutdown(boolean immediate) {
        lock.lock();
        try {
            shutdown = true;
            if (immediate) {
                items.clear();
                allTasksDone.signalAll();
            }
            // Every waiter must look again: a putter now throws, and a getter throws once the queue is empty.
            // signalAll, not signal: all of them have something to do.
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once {@link #shutdown} has been called. */
    public boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    /** How many items are in the queue now. */
    public int size() {
        // Read under the lock too: without it this thread is not promised to see the other threads' changes.
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** True if no item is in the queue now. */
    public boolean isEmpty() {
        lock.lock();
        try {
            return items.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** True if the queue is bounded and holds {@code maxsize} items now; never true for an unbounded queue. */
    public boolean isFull() {
        lock.lock();
        try {
            return full();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the queue is bounded and full; the caller holds the lock. */
    private boolean full() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /** Adds the item and wakes one getter; the caller holds the lock. */
    private void enqueue(E item) {
        items.addLast(item);
        unfinishedTasks++;
        // One new item can serve one getter: signal() is enough here, as in Python's put(). Every getter
        // re-checks in its while loop, so a wake-up that finds the item gone does no harm.
        notEmpty.signal();
    }

    /** Removes the head and wakes one putter; the caller holds the lock. */
    private E dequeue() {
        E item = items.removeFirst();
        notFull.signal();
        return item;
    }

    private void refuseIfShutDown() {
        if (shutdown) {
            throw new QueueShutDownException("the queue is shut down");
        }
    }

    private void refuseIfShutDownAndEmpty() {
        if (shutdown && items.isEmpty()) {
            throw new QueueShutDownException("the queue is shut down and empty");
        }
    }

    /** The timeout in nanoseconds (very long ones capped), refusing a negative one. */
    private static long nanos(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
