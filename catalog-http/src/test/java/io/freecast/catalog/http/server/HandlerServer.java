package io.freecast.catalog.http.server;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One handler of the request path (and whatever it wraps) on a real Undertow listener on a loopback port,
 * set up as {@link CatalogHttpServer} sets up its own (URLs not decoded by Undertow), and a client for it.
 */
final class HandlerServer implements AutoCloseable {

    final ApiClient api;
    private final Undertow undertow;

    private HandlerServer(HttpHandler handler) {
        this.undertow = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setIoThreads(1)
                .setWorkerThreads(2)
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setHandler(handler)
                .build();
        undertow.start();
        int port = ((InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress()).getPort();
        this.api = new ApiClient(URI.create("http://127.0.0.1:" + port));
    }

    static HandlerServer serving(HttpHandler handler) {
        return new HandlerServer(handler);
    }

    /** The innermost handler of a test chain: answers 200 with a fixed text body. */
    static HttpHandler text(String body) {
        return exchange -> ResponseSender.send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    /** An innermost handler that answers 200 with what {@code describe} says about the exchange. */
    static HttpHandler describing(java.util.function.Function<HttpServerExchange, String> describe) {
        return exchange -> ResponseSender.send(exchange, 200, describe.apply(exchange).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
