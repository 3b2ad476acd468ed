package katas.downloader;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that passes everything to a real one, and notes whether an exchange was ended
 * by the client's own request timeout ({@link HttpRequest.Builder#timeout}), which fires only while
 * the answer's headers have not arrived. A test of a stalled body needs this: when the client's own
 * timeout ended the exchange, the run shows nothing about how the code handles a body that stalls
 * after its headers, and the test tries again with a longer timeout.
 */
final class WatchedClient extends HttpClient {

    private final HttpClient client;
    private volatile boolean endedByItsOwnTimeout;

    WatchedClient(HttpClient client) {
        this.client = client;
    }

    /** Whether an exchange ended with the client's own timeout (an {@link HttpTimeoutException}). */
    boolean endedByItsOwnTimeout() {
        return endedByItsOwnTimeout;
    }

    private void note(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                endedByItsOwnTimeout = true;
            }
        }
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        try {
            return client.send(request, handler);
        } catch (IOException failure) {
            note(failure);
            throw failure;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return watched(client.sendAsync(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushes) {
        return watched(client.sendAsync(request, handler, pushes));
    }

    /** The client's own future, returned as it is (so that cancelling it aborts the exchange), watched. */
    private <T> CompletableFuture<HttpResponse<T>> watched(CompletableFuture<HttpResponse<T>> exchange) {
        exchange.whenComplete((response, failure) -> note(failure));
        return exchange;
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client.authenticator();
    }

    @Override
    public Version version() {
        return client.version();
    }

    @Override
    public Optional<Executor> executor() {
        return client.executor();
    }

    @Override
    public void shutdown() {
        client.shutdown();
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return client.awaitTermination(duration);
    }

    @Override
    public boolean isTerminated() {
        return client.isTerminated();
    }

    @Override
    public void shutdownNow() {
        client.shutdownNow();
    }

    @Override
    public void close() {
        client.close();
    }
}
