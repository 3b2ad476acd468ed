package katas.grader;

/** The exit codes of the grader's commands. */
final class ExitCodes {

    /** Everything was done: every submission graded (whatever its score), every file written. */
    static final int OK = 0;
    /** Done, but some submission could not be read or graded (it is in the reports with the reason). */
    static final int SOME_NOT_GRADED = 1;
    /** Bad usage or settings: nothing was done; the message says what to fix. */
    static final int USAGE = 2;
    /** The result would be unsafe to use (an export that still holds a solution, say); nothing was kept. */
    static final int REFUSED = 3;

    private ExitCodes() {
    }
}
