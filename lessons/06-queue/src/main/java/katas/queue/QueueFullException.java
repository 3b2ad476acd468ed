package katas.queue;

/**
 * Thrown when an item cannot be put because the queue is full: Python's {@code queue.Full}.
 *
 * <p>{@link TaskQueue#putNowait} throws it at once, and a timed {@link TaskQueue#put} once its timeout
 * has passed. It is unchecked, like every Python exception.
 */
public class QueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that says what happened. */
    public QueueFullException(String message) {
        super(message);
    }
}
