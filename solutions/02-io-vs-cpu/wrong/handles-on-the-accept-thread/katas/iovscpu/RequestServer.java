package katas.iovscpu;


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
        for (Connection connection = listener.accept(); connection != null; connection = listener.accept()) {
            // Serves each client on the accepting thread before accepting the next one.
            try {
                handler.handle(connection);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // the connection ends; the server goes on
            }
            served++;
        }
        return served;
    }
}
