package katas.runner;

/** The exit codes of every {@code kata} command, for scripts. */
final class ExitCodes {

    /** The command did its job; for {@code run}: every kata asked for passes. */
    static final int OK = 0;

    /** {@code run}: some kata does not pass yet (a test fails, or the code does not compile). */
    static final int NOT_SOLVED = 1;

    /** The command line was wrong (an unknown kata, a missing argument) or the command could not do its job. */
    static final int USAGE_OR_ERROR = 2;

    private ExitCodes() {
    }
}
