package katas.runner;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Watches a folder tree for saved Java sources, with a library made for it: inotify on Linux, the
 * native FSEvents API on macOS (where the JDK's own watch service only polls), and the JDK's service on
 * Windows. Editors that save by writing a new file and renaming it over the old one (vim, IntelliJ's
 * safe write) show up as a created file, which counts as a save too.
 */
final class SourceWatcher implements AutoCloseable {

    private final DirectoryWatcher watcher;

    /** Starts watching {@code root}; {@code onSave} is called, on the watcher's thread, with each saved {@code .java} file. */
    SourceWatcher(Path root, Consumer<Path> onSave) throws IOException {
        watcher = DirectoryWatcher.builder()
                .path(root)
                .fileHashing(false)
                .listener(event -> {
                    boolean saved = event.eventType() == DirectoryChangeEvent.EventType.CREATE
                            || event.eventType() == DirectoryChangeEvent.EventType.MODIFY;
                    Path path = event.path();
                    if (saved && path != null && path.getFileName() != null
                            && path.getFileName().toString().endsWith(".java")) {
                        onSave.accept(path);
                    }
                })
                .build();
        watcher.watchAsync(task -> Thread.ofPlatform().daemon().name("kata-file-watcher").start(task));
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
