package katas.pools;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code ThreadFactory} the tests hand to the learner's pool: it names every thread it makes
 * ({@code pool-thread-1}, ...) and remembers it, so a test can count a pool's threads and see
 * whether they have ended. Its threads are daemons, so a pool left running cannot keep the test
 * JVM alive.
 */
final class MadeThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    MadeThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = Thread.ofPlatform().name(prefix + "-" + count.incrementAndGet()).daemon(true).unstarted(work);
        made.add(thread);
        return thread;
    }

    /** Every thread made so far, in order. */
    List<Thread> all() {
        return List.copyOf(made);
    }

    /** How many threads were made so far. */
    int count() {
        return made.size();
    }

    /** Whether {@code thread} was made here. */
    boolean made(Thread thread) {
        return made.contains(thread);
    }

    /** The threads made here that have not ended yet. */
    List<Thread> alive() {
        return made.stream().filter(Thread::isAlive).toList();
    }
}
