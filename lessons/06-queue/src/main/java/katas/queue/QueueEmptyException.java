package katas.queue;

/**
 * Thrown when no item can be got because the queue is empty: Python's {@code queue.Empty}.
 *
 * <p>{@link TaskQueue#getNowait} throws it at once, and a timed {@link TaskQueue#get} once its timeout
 * has passed. It is unchecked, like every Python exception.
 */
public class QueueEmptyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that says what happened. */
    public QueueEmptyException(String message) {
        super(message);
    }
}
