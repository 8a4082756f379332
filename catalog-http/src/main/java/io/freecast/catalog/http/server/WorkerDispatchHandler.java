package io.freecast.catalog.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Moves a request from the IO thread to the worker pool: everything after this handler may block (on the
 * database, on reading a request body). Only the response-cache hits before it are answered on the IO
 * thread.
 */
final class WorkerDispatchHandler implements HttpHandler {

    private final HttpHandler next;

    WorkerDispatchHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(next);
            return;
        }
        next.handleRequest(exchange);
    }
}
