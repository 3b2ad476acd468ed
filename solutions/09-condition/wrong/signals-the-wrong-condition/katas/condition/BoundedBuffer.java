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
        lock.lock();
        try {
            // while, not if: a woken producer must look again. Another producer may have filled the slot
            // between the signal and the moment this one got the lock back, and await() may also return
            // without any signal at all (a spurious wake-up).
            while (count == items.length) {
                notFull.await(); // lets go of the lock while waiting, and takes it back before returning
            }
            items[(head + count) % items.length] = item;
            count++;
            // MISTAKE: signals the producers' condition instead of the consumers', so a waiting consumer is never woken.
            notFull.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the oldest item, waiting while the buffer is empty. */
    public E take() throws InterruptedException {
        lock.lock();
        try {
            // while, not if: another consumer may have taken the item first.
            while (count == 0) {
                notEmpty.await();
            }
            @SuppressWarnings("unchecked")
            E item = (E) items[head];
            items[head] = null;
            head = (head + 1) % items.length;
            count--;
            // One slot freed: wake one waiting producer. Without this signal a producer waiting on a full
            // buffer sleeps on, although there is room now.
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** How many items the buffer holds now. */
    public int size() {
        // Under the lock, so it sees the last put() or take() and never a half-done one.
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** The most items the buffer can hold. */
    public int capacity() {
        return items.length;
    }
}
