package katas.queue;

/**
 * Thrown by a queue that has been shut down: Python's {@code queue.ShutDown} (new in Python 3.13).
 *
 * <p>After {@link TaskQueue#shutdown} every put throws it, and so does every get once the queue is
 * empty. It is unchecked, like every Python exception.
 */
public class QueueShutDownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that says what happened. */
    public QueueShutDownException(String message) {
        super(message);
    }
}
