package io.freecast.catalog.http.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a loopback address with a port of its own, for the outbound adapters' tests.
 * Each path answers with a {@link Route} that a test may swap between runs (a link that flaps); the
 * server records every request it received, and the most requests it ever had in flight at once.
 */
final class ProbeServer implements AutoCloseable {

    /** How one path answers. */
    @FunctionalInterface
    interface Route {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** One request as received. */
    record Received(String method, String path, String query, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight;
    private final AtomicInteger maxInFlight;

    private ProbeServer(String address, AtomicInteger inFlight, AtomicInteger maxInFlight) {
        this.inFlight = inFlight;
        this.maxInFlight = maxInFlight;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::dispatch);
        server.start();
    }

    static ProbeServer start() {
        return new ProbeServer("127.0.0.1", new AtomicInteger(), new AtomicInteger());
    }

    /** A server on another loopback address that shares the in-flight counters with {@code this}. */
    ProbeServer sibling(String loopbackAddress) {
        return new ProbeServer(loopbackAddress, inFlight, maxInFlight);
    }

    ProbeServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    ProbeServer status(String path, int status) {
        return route(path, exchange -> respond(exchange, status));
    }

    URI uri(String path) {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    long requestsTo(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.getResponseHeaders().add("Content-Length", "0");
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    static Route redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            respond(exchange, status);
        };
    }

    /**
     * Answers {@code status} after {@code millis}, counting the requests in flight meanwhile (across
     * siblings). The count drops before the answer is sent, so a client that keeps its limit can never
     * be seen above it.
     */
    Route slow(long millis, int status) {
        return exchange -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(millis);
            } finally {
                inFlight.decrementAndGet();
            }
            respond(exchange, status);
        };
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        received.add(new Received(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders())));
        try {
            Route route = routes.get(uri.getPath());
            if (route == null) {
                respond(exchange, 404);
            } else {
                route.handle(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
