package katas.iovscpu;

/** A client's connection to {@link RequestServer}, numbered from 1 in the order the listener accepted them. */
record Connection(int id) {
}
