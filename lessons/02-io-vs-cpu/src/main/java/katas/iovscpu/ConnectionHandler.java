package katas.iovscpu;

/** Serves one client: reads its request, waits on whatever it needs (a database, a disk, another server), replies. */
@FunctionalInterface
interface ConnectionHandler {

    /** Serves {@code connection}, blocking for as long as the client keeps it busy. */
    void handle(Connection connection) throws Exception;
}
