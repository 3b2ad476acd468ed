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
        // A new virtual thread per connection: while a handler waits, its virtual thread is parked on the heap
        // and gives its carrier thread back, so 10,000 slow clients cost 10,000 small objects, not 10,000 OS
        // threads, and no client queues behind another. A pool of N threads would serve only N at a time.
        try (ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            for (Connection connection = listener.accept(); connection != null; connection = listener.accept()) {
                Connection client = connection;
                workers.submit(() -> {
                    handler.handle(client);
                    return null;
                });
                served++;
            }
        } // close() waits for every handler to finish: the server returns only when all clients are served.
        return served;
    }
}
