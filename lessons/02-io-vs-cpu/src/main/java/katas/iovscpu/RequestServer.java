package katas.iovscpu;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A server whose clients are slow: each connection spends nearly all its time waiting. */
final class RequestServer {

    private RequestServer() {
    }

    /**
     * Accepts connections from {@code listener} until it is closed, and serves each one with
     * {@code handler} on a thread of its own, so that every accepted client is being served at
     * the same time however long each one waits. Returns the number of connections served, once
     * every handler has finished. A handler that throws ends its own connection only.
     */
    static int serve(Listener listener, ConnectionHandler handler) throws InterruptedException {
        int served = 0;
        // TODO: serve each connection on a new virtual thread of its own instead of a pool of 100 platform threads.
        try (ExecutorService workers = Executors.newFixedThreadPool(100)) {
            for (Connection connection = listener.accept(); connection != null; connection = listener.accept()) {
                Connection client = connection;
                workers.submit(() -> {
                    handler.handle(client);
                    return null;
                });
                served++;
            }
        }
        return served;
    }
}
