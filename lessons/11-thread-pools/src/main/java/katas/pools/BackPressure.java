package katas.pools;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

/** A pool that pushes back: when its workers are busy and its queue is full, whoever submits runs the task itself. */
final class BackPressure {

    private BackPressure() {
    }

    /**
     * Returns a pool of exactly {@code workers} threads made by {@code threads}, whose queue holds at
     * most {@code queueCapacity} waiting tasks. A task submitted while every worker is busy and the
     * queue is full runs on the thread that submits it, so a producer that submits faster than the
     * pool can work is slowed down to the pool's pace, instead of piling up tasks in memory or
     * losing them.
     */
    static ExecutorService boundedPool(int workers, int queueCapacity, ThreadFactory threads) {
        // TODO: build a ThreadPoolExecutor with `workers` threads, an ArrayBlockingQueue of queueCapacity, `threads`, and a CallerRunsPolicy.
        throw new UnsupportedOperationException("TODO: build a bounded pool that makes the submitter run a task when it is full");
    }
}
