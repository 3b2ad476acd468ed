package katas.testkit;

/**
 * Builds every failure message of the kit in one format: what went wrong, what to look at, and the
 * raw details last.
 *
 * <pre>
 * 2 threads x 100,000 increments should total 200,000 but the counter read 163,522.
 * What to look at: count++ is read-modify-write; guard it.
 * --- details ---
 * (tool output, thread dumps)
 * </pre>
 */
public final class Failures {

    private static final String DETAILS = "--- details ---";

    private Failures() {
    }

    /**
     * Fails with {@link #failure(String, String)} unless {@code holds}. Cheap enough for the body of a
     * {@code @FrayTest}, which runs once per explored schedule: AssertJ there costs about five times
     * more per schedule (measured with {@code bench/kata-test-cost.sh}).
     */
    public static void expect(boolean holds, String whatWentWrong, String whatToLookAt) {
        if (!holds) {
            throw failure(whatWentWrong, whatToLookAt);
        }
    }

    /** An assertion failure that states what went wrong and what the learner should look at. */
    public static AssertionError failure(String whatWentWrong, String whatToLookAt) {
        return failure(whatWentWrong, whatToLookAt, null, null);
    }

    /** The same, with raw details (a trace, a dump) and the original cause kept behind them. */
    public static AssertionError failure(String whatWentWrong, String whatToLookAt, String details, Throwable cause) {
        AssertionError error = new AssertionError(message(whatWentWrong, whatToLookAt, details));
        if (cause != null) {
            error.initCause(cause);
        }
        return error;
    }

    /** The message text in the kit's format. */
    public static String message(String whatWentWrong, String whatToLookAt, String details) {
        StringBuilder text = new StringBuilder(whatWentWrong.strip());
        if (whatToLookAt != null && !whatToLookAt.isBlank()) {
            text.append(System.lineSeparator()).append("What to look at: ").append(whatToLookAt.strip());
        }
        if (details != null && !details.isBlank()) {
            text.append(System.lineSeparator()).append(DETAILS).append(System.lineSeparator()).append(details.strip());
        }
        return text.toString();
    }

    /** True for a starter's {@code UnsupportedOperationException("TODO: ...")}: code not written yet. */
    static boolean isStarterTodo(Throwable failure) {
        return failure instanceof UnsupportedOperationException && failure.getMessage() != null
                && failure.getMessage().startsWith("TODO");
    }

    /** The failure for a starter method that still throws its TODO. */
    static AssertionError notWrittenYet(Throwable todo) {
        StackTraceElement where = java.util.Arrays.stream(todo.getStackTrace())
                .filter(HangReport::isLearnerFrame).findFirst().orElse(null);
        String method = where == null ? ""
                : " (" + where.getClassName().substring(where.getClassName().lastIndexOf('.') + 1) + "."
                        + where.getMethodName() + ")";
        return failure("Not written yet: " + todo.getMessage() + method,
                "replace the `throw new UnsupportedOperationException(\"TODO ...\")` with your code");
    }

    /** The part of a kit message before its details, for tools that show only the summary. */
    public static String summary(String message) {
        if (message == null) {
            return "";
        }
        int at = message.indexOf(DETAILS);
        return (at < 0 ? message : message.substring(0, at)).strip();
    }
}
