package katas.downloader;

import java.net.URI;

/**
 * Hears how a batch of downloads goes; it may be called from several threads at once. The index is
 * the position of the download in the list given to the downloader.
 */
interface ProgressListener {

    /** Hears nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** Download {@code index} got a slot and starts now. */
    default void started(int index, URI uri) {
    }

    /** Download {@code index} arrived; {@code done} of the {@code total} downloads have now arrived. */
    default void finished(int index, URI uri, int done, int total) {
    }
}
