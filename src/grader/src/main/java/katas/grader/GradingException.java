package katas.grader;

/** The grader cannot go on: a bad setting or an unreadable input, said so that an instructor can fix it. */
public final class GradingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GradingException(String message) {
        super(message);
    }

    public GradingException(String message, Throwable cause) {
        super(message, cause);
    }
}
