package katas.downloader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notes' downloader, for real: starts a local HTTP server whose answers take 100 to 500 ms each
 * (a pretend slow network), downloads its files one after another and then several at a time with a
 * progress bar, and prints the times. Once tasks 1 to 3 are done it runs your {@link Downloader} too.
 *
 * <p>Run it with {@code bench/demo.sh 14-downloader}; optional arguments: the number of files (24) and
 * of slots (6).
 */
public final class DownloadDemo {

    private DownloadDemo() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        try (SlowServer server = SlowServer.start();
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            List<URI> uris = new ArrayList<>();
            for (int i = 1; i <= files; i++) {
                uris.add(server.uri("file_" + i + ".txt"));
            }
            System.out.printf(Locale.ROOT, "A local server on port %d serves %d files; each answer takes 100 to 500 ms"
                    + " (%.1f s in all).%n%n", server.port(), files, SlowServer.totalLatency(files) / 1000.0);

            long sequential = timed("One after another", files, bar -> {
                for (URI uri : uris) {
                    get(client, uri);
                    bar.finished(0, uri, bar.done.get() + 1, files);
                }
            });
            long concurrent = timed(slots + " at a time", files, bar -> {
                Semaphore free = new Semaphore(slots);
                AtomicInteger done = new AtomicInteger();
                try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<String>> bodies = new ArrayList<>();
                    for (URI uri : uris) {
                        bodies.add(executor.submit(() -> {
                            free.acquire();
                            try {
                                String body = get(client, uri);
                                bar.finished(0, uri, done.incrementAndGet(), files);
                                return body;
                            } finally {
                                free.release();
                            }
                        }));
                    }
                    for (Future<String> body : bodies) {
                        body.get();
                    }
                }
            });
            System.out.printf(Locale.ROOT, "%n%d at a time is %.1fx as fast as one after another.%n%n", slots,
                    (double) sequential / concurrent);

            try {
                long yours = timed("Your Downloader, " + slots + " slots", files, bar -> new Downloader(client,
                        new Semaphore(slots), Duration.ofSeconds(10),
                        new RetryPolicy(3, Duration.ofMillis(100), RetryPolicy.Sleeper.REAL), bar).downloadAll(uris));
                System.out.printf(Locale.ROOT, "%nYour Downloader is %.1fx as fast as one after another.%n",
                        (double) sequential / yours);
            } catch (Exception | Error failed) {
                if (Bar.onTerminal()) {
                    System.out.println(); // ends the bar drawn so far
                }
                if (isTodo(failed)) {
                    System.out.println("Your Downloader is not written yet (tasks 1 to 3): once it is, this demo times"
                            + " it too.");
                } else {
                    System.out.println("Your Downloader failed: " + failed);
                }
            }
        }
    }

    /** Whether {@code failure}, or one of its causes, is a starter's "TODO". */
    private static boolean isTodo(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsupportedOperationException && String.valueOf(cause.getMessage()).startsWith("TODO")) {
                return true;
            }
        }
        return false;
    }

    /** A way of downloading every file, reporting to the bar. */
    @FunctionalInterface
    private interface Run {
        void run(Bar bar) throws Exception;
    }

    private static long timed(String label, int files, Run run) throws Exception {
        Bar bar = new Bar(label, files);
        long start = System.nanoTime();
        run.run(bar);
        long millis = (System.nanoTime() - start) / 1_000_000;
        bar.end(millis);
        return millis;
    }

    private static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** A progress bar on one line, redrawn as downloads arrive (drawn once at the end when not on a terminal). */
    private static final class Bar implements ProgressListener {
        private static final int WIDTH = 30;
        private final String label;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();
        private final boolean terminal = onTerminal();

        Bar(String label, int total) {
            this.label = label;
            this.total = total;
            if (terminal) {
                draw(0, "");
            }
        }

        @Override
        public synchronized void finished(int index, URI uri, int count, int all) {
            done.set(count);
            if (terminal) {
                draw(count, "");
            }
        }

        static boolean onTerminal() {
            return System.console() != null && System.console().isTerminal();
        }

        synchronized void end(long millis) {
            draw(done.get(), String.format(Locale.ROOT, "  %5.2f s", millis / 1000.0));
            System.out.println();
        }

        private void draw(int count, String suffix) {
            int filled = count * WIDTH / total;
            System.out.printf(Locale.ROOT, "\r%-26s [%s%s] %2d/%d%s", label, "#".repeat(filled),
                    "-".repeat(WIDTH - filled), count, total, suffix);
            System.out.flush();
        }
    }

    /** A local HTTP server whose every answer is late by a fixed, per-file latency. */
    private static final class SlowServer implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();

        private SlowServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.setExecutor(handlers);
            server.createContext("/files/", this::handle);
            server.start();
        }

        static SlowServer start() throws IOException {
            return new SlowServer();
        }

        int port() {
            return server.getAddress().getPort();
        }

        URI uri(String name) {
            return URI.create("http://127.0.0.1:" + port() + "/files/" + name);
        }

        /** The latency of file number {@code n}: spread over 100 to 500 ms, the same on every run. */
        static long latency(int n) {
            return 100 + (n * 157L) % 401;
        }

        static long totalLatency(int files) {
            long total = 0;
            for (int n = 1; n <= files; n++) {
                total += latency(n);
            }
            return total;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring("/files/".length());
                int n = Integer.parseInt(name.replaceAll("\\D", ""));
                Thread.sleep(latency(n)); // the pretend network: demonstrations may sleep, tests never do
                byte[] body = ("contents of " + name + "\n").repeat(200).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.close();
        }
    }
}
