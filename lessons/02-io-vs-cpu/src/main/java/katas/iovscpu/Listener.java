package katas.iovscpu;

/** Where {@link RequestServer} accepts its connections from, like a server socket. The tests supply their own. */
@FunctionalInterface
interface Listener {

    /**
     * Waits for the next client and returns its connection, or returns {@code null} once the
     * listener is closed and no more clients will come.
     */
    Connection accept() throws InterruptedException;
}
