package katas.pools;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
        return new ThreadPoolExecutor(
                // The mistake: a maximum above the core size lets a full queue grow extra threads before pushing back.
                workers, workers * 2, 0L, TimeUnit.MILLISECONDS,
                // A bounded queue: at most queueCapacity tasks wait; an unbounded one would swallow any flood.
                new ArrayBlockingQueue<>(queueCapacity),
                threads,
                // When workers and queue are full, the submitter runs the task itself: while it does, it cannot
                // submit more. The default (AbortPolicy) would throw instead, and DiscardPolicy would lose the task.
                new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
