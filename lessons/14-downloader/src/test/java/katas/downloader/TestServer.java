package katas.downloader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import katas.testkit.Delays;

/**
 * A real HTTP server on the loopback interface (port 0: any free port) that a test starts, serving
 * {@code /files/<name>} with the body {@link #body(String)}. On the test's command it holds requests
 * until the test releases them, answers with an error status, never answers, or stalls half-way
 * through a body. It counts the requests for each file and how many were in flight at once.
 *
 * <p>Nothing here sleeps: a held request waits for the test's decision, and a silent or stalled one
 * waits until {@link #letEverythingGo()} or {@link #close()}. Each request is handled on a virtual
 * thread of its own.
 */
final class TestServer implements AutoCloseable {

    /** A request the server holds, and the status it will answer once the test decides. */
    private record Held(String name, CompletableFuture<Integer> decision) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<HttpClient> clients = new ArrayList<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Queue<Integer>> scripted = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private final Queue<Held> held = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> everythingGoes = new CompletableFuture<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile boolean holdEveryRequest;

    private TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(handlers);
        server.createContext("/files/", this::handle);
        server.start();
    }

    /** Starts a server on a free port of the loopback interface. */
    static TestServer start() throws IOException {
        return new TestServer();
    }

    /** The body of the file {@code name}. */
    static String body(String name) {
        return "contents of " + name;
    }

    /** The address of the file {@code name} on this server. */
    URI uri(String name) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + "/files/" + name);
    }

    /** A new HTTP/1.1 client, closed with the server. */
    synchronized HttpClient newClient() {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Delays.PATIENCE)
                .build();
        clients.add(client);
        return client;
    }

    /**
     * Whether {@code client} has no request left open: it is shut down (no new requests) and must
     * terminate, which it does only once every exchange it started has ended, within the patience delay.
     */
    static boolean hasNoRequestOpen(HttpClient client) throws InterruptedException {
        client.shutdown();
        return client.awaitTermination(Delays.PATIENCE);
    }

    /** The next {@code times} requests for {@code name} are answered with {@code status}. */
    void failNext(String name, int status, int times) {
        Queue<Integer> statuses = scripted.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < times; i++) {
            statuses.add(status);
        }
    }

    /** From now on, every request waits until the test releases or answers it. */
    void holdEveryRequest() {
        holdEveryRequest = true;
    }

    /** Requests for {@code name} are never answered (until {@link #letEverythingGo()}). */
    void neverAnswer(String name) {
        silent.add(name);
    }

    /** Requests for {@code name} get their headers and half the body, and the rest never comes. */
    void stallBody(String name) {
        stalled.add(name);
    }

    /** How many requests for {@code name} arrived. */
    int requests(String name) {
        AtomicInteger count = requests.get(name);
        return count == null ? 0 : count.get();
    }

    /** The most requests that were ever in flight (arrived, not yet answered) at the same time. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /** The names of the requests held now, in the order of their names. */
    List<String> held() {
        return held.stream().filter(h -> !h.decision().isDone()).map(Held::name)
                .sorted(Comparator.comparing(TestServer::numberIn).thenComparing(Comparator.naturalOrder())).toList();
    }

    /** Lets the held request for {@code name} answer with its file. */
    void release(String name) {
        answer(name, 200);
    }

    /** Lets the held request for {@code name} answer with {@code status}. */
    void answer(String name, int status) {
        for (Held request : held) {
            if (request.name().equals(name) && request.decision().complete(status)) {
                return;
            }
        }
        throw new IllegalStateException("no request for " + name + " is held");
    }

    /** Stops holding: every held request, and every one to come, answers at once; silent and stalled ones end. */
    void letEverythingGo() {
        holdEveryRequest = false;
        everythingGoes.complete(null);
        held.forEach(request -> request.decision().complete(200));
    }

    /** Lets everything go, closes the clients made by {@link #newClient()}, and stops the server. */
    @Override
    public void close() {
        letEverythingGo();
        List<HttpClient> toClose;
        synchronized (this) {
            toClose = List.copyOf(clients);
            clients.clear();
        }
        for (HttpClient client : toClose) {
            client.shutdownNow();
            client.close();
        }
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(Delays.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        String name = exchange.getRequestURI().getPath().substring("/files/".length());
        requests.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean counted = true;
        try (exchange) {
            Integer status = scripted.getOrDefault(name, new ConcurrentLinkedQueue<>()).poll();
            if (status == null && silent.contains(name)) {
                everythingGoes.get();
                return; // closes the exchange without an answer
            }
            if (status == null && holdEveryRequest) {
                Held request = new Held(name, new CompletableFuture<>());
                held.add(request);
                if (!holdEveryRequest) {
                    request.decision().complete(200); // letEverythingGo() ran while this one was being added
                }
                status = request.decision().get();
            }
            byte[] body = (status == null || status == 200 ? body(name) : "error " + status)
                    .getBytes(StandardCharsets.UTF_8);
            // No longer in flight once the answer starts: the client can only send its next request after
            // reading this one, so the count never includes a request that is already answered.
            inFlight.decrementAndGet();
            counted = false;
            exchange.sendResponseHeaders(status == null ? 200 : status, body.length);
            OutputStream out = exchange.getResponseBody();
            if (stalled.contains(name)) {
                out.write(body, 0, body.length / 2);
                out.flush();
                everythingGoes.get();
                return; // the rest of the body never comes
            }
            out.write(body);
        } catch (IOException | ExecutionException e) {
            // The client gave up on this request and closed its connection: nothing more to say.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** The number in a name such as file_12.txt, for sorting; 0 if it has none. */
    private static int numberIn(String name) {
        String digits = name.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
