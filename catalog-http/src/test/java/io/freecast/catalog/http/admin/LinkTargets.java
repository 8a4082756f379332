package io.freecast.catalog.http.admin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback for "check now" tests to point sources at: {@code /gone…} answers 404,
 * {@code /broken…} 503, anything else 200; it counts the requests it got. The admin's catalog allows private
 * targets for it (AdminServer), as the link checker's own tests do.
 */
final class LinkTargets implements AutoCloseable {

    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    LinkTargets() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            int status = path.startsWith("/gone") ? 404 : path.startsWith("/broken") ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
