package katas.iovscpu;

import java.util.concurrent.ExecutorService;

/**
 * The executor chosen for a workload, and why.
 *
 * @param executor a new executor, for the caller to use and to shut down
 * @param reason why it fits the workload
 */
record Choice(ExecutorService executor, Reason reason) {
}
