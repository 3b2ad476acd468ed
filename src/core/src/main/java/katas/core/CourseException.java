package katas.core;

/** The course on disk does not match what the manifest says, or cannot be read. */
public final class CourseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CourseException(String message) {
        super(message);
    }

    public CourseException(String message, Throwable cause) {
        super(message, cause);
    }
}
