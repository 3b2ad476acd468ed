package katas.condition;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A buffer of fixed capacity between producer and consumer threads: {@link #put} waits while it is
 * full, {@link #take} waits while it is empty.
 *
 * <p>One {@link ReentrantLock} guards the items, and two {@link Condition}s of that lock let each side
 * wait for the other: producers wait on {@code notFull}, consumers on {@code notEmpty}. The items sit
 * in a ring: {@code head} is the oldest, and the next free slot is {@code (head + count) % capacity}.
 *
 * @param <E> the type of the items
 */
public final class BoundedBuffer<E> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final Object[] items;
    private int head;
    private int count;

    /**
     * An empty buffer that holds at most {@code capacity} items.
     *
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.items = new Object[capacity];
    }

    /** Adds {@code item} after the newest one, waiting while the buffer is full. */
    public void put(E item) throws InterruptedException {
        // TODO: under the lock (unlocked in finally), await notFull while the buffer is full, add the item, then signal notEmpty.
        items[(head + count) % items.length] = item;
        count++;
    }

    /** Removes and returns the oldest item, waiting while the buffer is empty. */
    public E take() throws InterruptedException {
        // TODO: under the lock (unlocked in finally), await notEmpty while the buffer is empty, remove the oldest item, then signal notFull.
        @SuppressWarnings("unchecked")
        E item = (E) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        return item;
    }

    /** How many items the buffer holds now. */
    public int size() {
        // TODO: read the count under the lock.
        return count;
    }

    /** The most items the buffer can hold. */
    public int capacity() {
        return items.length;
    }
}
