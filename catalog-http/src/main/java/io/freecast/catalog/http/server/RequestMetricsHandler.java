package io.freecast.catalog.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Times every request that reaches a worker and records it by method, route template and status
 * ({@link MetricsResource}). The route is the one {@link ApiRoutingHandler} matched, or
 * {@link MetricsResource#UNMATCHED}. Response-cache hits never get here; {@link ResponseCacheHandler}
 * records them itself, with the route stored in the entry.
 */
final class RequestMetricsHandler implements HttpHandler {

    private final MetricsResource metrics;
    private final HttpHandler next;

    RequestMetricsHandler(MetricsResource metrics, HttpHandler next) {
        this.metrics = metrics;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long started = System.nanoTime();
        try {
            next.handleRequest(exchange);
        } finally {
            String route = exchange.getAttachment(ApiRoutingHandler.ROUTE);
            // The status is set before the write is handed to the IO thread, which runs after this returns.
            metrics.record(exchange.getRequestMethod().toString(), route == null ? MetricsResource.UNMATCHED : route,
                    exchange.getStatusCode(), System.nanoTime() - started);
        }
    }
}
