package io.freecast.catalog.examples.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server that answers every request with 200 after a fixed delay, listening on many loopback
 * addresses (127.0.0.0/8 is all loopback) so that a client's per-host limit is not what a benchmark
 * measures. It never blocks a thread while it waits: the answer is a timer on Undertow's I/O thread, so
 * thousands of requests can wait at once and the server is never the bottleneck.
 */
final class DelayedLoopbackServer implements AutoCloseable {

    private final Undertow server;

    DelayedLoopbackServer(List<String> addresses, long delayMillis, HttpHandler immediate) {
        HttpHandler delayed = exchange -> exchange.dispatch(SameThreadExecutor.INSTANCE, () ->
                exchange.getIoThread().executeAfter(() -> {
                    exchange.setStatusCode(200);
                    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
                    exchange.endExchange();
                }, delayMillis, TimeUnit.MILLISECONDS));
        Undertow.Builder builder = Undertow.builder().setIoThreads(2).setWorkerThreads(4)
                .setHandler(exchange -> {
                    if (immediate != null && exchange.getRequestPath().startsWith("/v1.4/")) {
                        exchange.dispatch(immediate);
                    } else {
                        delayed.handleRequest(exchange);
                    }
                });
        for (String address : addresses) {
            builder.addHttpListener(0, address);
        }
        server = builder.build();
        server.start();
    }

    /** {@code host:port} of every listener, in the order the addresses were given. */
    List<String> authorities() {
        List<String> authorities = new ArrayList<>();
        for (Undertow.ListenerInfo info : server.getListenerInfo()) {
            InetSocketAddress address = (InetSocketAddress) info.getAddress();
            authorities.add(address.getAddress().getHostAddress() + ":" + address.getPort());
        }
        return authorities;
    }

    @Override
    public void close() {
        server.stop();
    }
}
