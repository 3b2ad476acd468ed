package katas.iovscpu;

import java.time.Duration;

/**
 * A kind of task, described by where one task spends its time: computing on a core, or waiting
 * (for the network, a disk, a database, a user).
 *
 * @param name what the tasks do, for messages
 * @param computePerTask how long one task keeps a core busy
 * @param waitPerTask how long one task waits, using no core at all
 */
record Workload(String name, Duration computePerTask, Duration waitPerTask) {
}
