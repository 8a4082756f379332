package io.freecast.catalog.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Moves a request from the IO thread to a worker: everything after this handler may block (on the
 * database, on reading a request body). Only the response-cache hits before it are answered on the IO
 * thread.
 *
 * <p>Requests that never touch storage ({@code /metrics}, the docs, {@code /health}, which bounds its own
 * wait) run on threads of their own, so they keep answering at once while every worker waits on a
 * database that went away or stalled.
 */
final class WorkerDispatchHandler implements HttpHandler {

    private final HttpHandler next;
    private final Predicate<String> storageFree;
    private final Executor storageFreeThreads;

    /** Every request on the server's worker pool. */
    WorkerDispatchHandler(HttpHandler next) {
        this(next, path -> false, null);
    }

    /**
     * @param storageFree        the raw request paths that need no storage
     * @param storageFreeThreads the threads that run them
     */
    WorkerDispatchHandler(HttpHandler next, Predicate<String> storageFree, Executor storageFreeThreads) {
        this.next = next;
        this.storageFree = storageFree;
        this.storageFreeThreads = storageFreeThreads;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            if (storageFreeThreads != null && storageFree.test(exchange.getRequestPath())) {
                exchange.dispatch(storageFreeThreads, next);
            } else {
                exchange.dispatch(next);
            }
            return;
        }
        next.handleRequest(exchange);
    }
}
