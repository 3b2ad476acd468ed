package katas.parallel;

/**
 * How a child process ended.
 *
 * @param exitCode the child's exit code ({@code 0} means success), or {@code -1} if it was stopped
 *     because it ran out of time
 * @param output everything the child wrote, its standard output and standard error together
 * @param timedOut whether the child was still running when its time ran out (and was then stopped)
 */
record ProcessResult(int exitCode, String output, boolean timedOut) {
}
