package katas.iovscpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.testkit.Delays;
import katas.testkit.Failures;
import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:2")
@DisplayName("Task 2: RequestServer.serve()")
class RequestServerTest {

    private static final int CLIENTS = 10_000;

    /**
     * How many accepted connections may wait for their handler to start before accept() waits too.
     * It keeps a server that starts platform threads from starting thousands of them: the first
     * handler to run on one ends the test.
     */
    private static final int BACKLOG = 64;

    @Test
    @DisplayName("serves 10,000 slow clients at once, each on a virtual thread of its own, and returns when all are"
            + " served")
    void servesTenThousandSlowClientsAtOnce() {
        SlowClients clients = new SlowClients();
        AtomicReference<Integer> served = new AtomicReference<>();
        try (Workers workers = new Workers()) {
            Thread acceptLoop = workers.start("accept-loop", () -> {
                clients.acceptLoop = Thread.currentThread();
                served.set(RequestServer.serve(clients, clients::handle));
            });
            try {
                Polls.poll(() -> clients.allWaiting.getCount() == 0 || clients.verdict.get() != null
                        || (!acceptLoop.isAlive() && clients.everyAcceptedHandlerStarted()));
                if (clients.verdict.get() != null) {
                    clients.closeAndRelease();
                    throw Failures.failure(clients.verdict.get(), Messages.VIRTUAL_THREAD_PER_CONNECTION);
                }
                int waitingAtOnce = clients.waiting.get();
                if (waitingAtOnce < CLIENTS) {
                    boolean stillServing = acceptLoop.isAlive();
                    clients.closeAndRelease();
                    workers.joinAll(); // rethrows what serve() threw, if it threw
                    throw Failures.failure(Messages.tooFewAtOnce(waitingAtOnce, stillServing),
                            Messages.VIRTUAL_THREAD_PER_CONNECTION);
                }
                if (Polls.settledState(acceptLoop) == Thread.State.TERMINATED) {
                    throw Failures.failure(Messages.RETURNED_EARLY, Messages.WAIT_FOR_HANDLERS);
                }
            } finally {
                clients.closeAndRelease();
            }
            workers.joinAll();
        }
        assertThat(clients.handled.get())
                .withFailMessage(Messages.notAllHandled(clients.handled.get()))
                .isEqualTo(CLIENTS);
        assertThat(served.get())
                .withFailMessage(Messages.wrongCount(served.get()))
                .isEqualTo(CLIENTS);
    }

    /**
     * The test's listener and handler in one: 10,000 clients who each keep their connection busy until
     * all 10,000 are being served at the same moment and the test lets them go.
     */
    private static final class SlowClients implements Listener {

        final AtomicInteger waiting = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();
        final CountDownLatch allWaiting = new CountDownLatch(1);
        final AtomicReference<String> verdict = new AtomicReference<>();
        private final CountDownLatch letGo = new CountDownLatch(1);
        volatile Thread acceptLoop;
        private int accepted;
        private int started;
        private boolean closed;

        @Override
        public synchronized Connection accept() throws InterruptedException {
            long deadline = System.nanoTime() + 2 * Delays.PATIENCE.toNanos();
            while (!closed && accepted < CLIENTS && accepted - started >= BACKLOG) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            if (closed || accepted >= CLIENTS) {
                return null;
            }
            accepted++;
            return new Connection(accepted);
        }

        void handle(Connection connection) throws InterruptedException {
            Thread self = Thread.currentThread();
            if (self == acceptLoop) {
                verdict.compareAndSet(null, Messages.handledOnAcceptLoop(connection));
                closeAndRelease();
                return;
            }
            handlerStarted();
            if (!self.isVirtual()) {
                verdict.compareAndSet(null, Messages.platformThread(connection, self));
                closeAndRelease();
                return;
            }
            if (waiting.incrementAndGet() == CLIENTS) {
                allWaiting.countDown();
            }
            // A slow client: the connection stays busy, as if waiting for the network, until the test lets go.
            if (!letGo.await(2 * Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("client " + connection.id() + " was never let go by the test");
            }
            handled.incrementAndGet();
        }

        synchronized boolean everyAcceptedHandlerStarted() {
            return started >= accepted;
        }

        private synchronized void handlerStarted() {
            started++;
            notifyAll();
        }

        /** Closes the listener (accept() returns null from now on) and lets every waiting client go. */
        synchronized void closeAndRelease() {
            closed = true;
            notifyAll();
            letGo.countDown();
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static final String VIRTUAL_THREAD_PER_CONNECTION = "serve every connection on a new virtual thread of its"
                + " own: Executors.newVirtualThreadPerTaskExecutor(). A waiting virtual thread gives its carrier thread"
                + " back and costs a small heap object, so 10,000 slow clients are cheap; a platform thread is an OS"
                + " thread with its own stack, and a pool of N threads serves N clients while the rest queue";
        static final String RETURNED_EARLY = String.format("serve() returned while all %,d clients were still being"
                + " served: it must wait until every handler has finished.", CLIENTS);
        static final String WAIT_FOR_HANDLERS = "after the listener closes, wait for the handlers: close the executor"
                + " (try-with-resources), which waits for every task it started";

        static String handledOnAcceptLoop(Connection connection) {
            return "Connection " + connection.id() + " was handled on `accept-loop`, the thread that accepts"
                    + " connections: while it serves one slow client, no other client is even accepted.";
        }

        static String platformThread(Connection connection, Thread thread) {
            return "Connection " + connection.id() + " was handled on `" + thread.getName() + "`, a platform thread"
                    + " (isVirtual() is false): the test stopped accepting there, before "
                    + String.format("%,d", CLIENTS) + " of them pile up.";
        }

        static String tooFewAtOnce(int waiting, boolean stillRunning) {
            String when = stillRunning ? "After " + Delays.PATIENCE.toSeconds() + " s, only" : "serve() returned, and only";
            return when + String.format(" %,d of %,d", waiting, CLIENTS) + " clients were being served at the same"
                    + " time; every accepted client should be, however long the others wait.";
        }

        static String notAllHandled(int handled) {
            return String.format("Only %,d of %,d clients were served", handled, CLIENTS) + " when serve() returned.\n"
                    + "What to look at: hand every accepted connection to the handler, on its own thread.";
        }

        static String wrongCount(Integer served) {
            return String.format("serve() returned %s, but it served %,d connections.", served, CLIENTS)
                    + "\nWhat to look at: count each connection accepted, and return the count.";
        }
    }
}
