package io.freecast.catalog.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Hands every request under a path prefix (e.g. {@code /admin/}) to a handler of its own, mounted with
 * {@link CatalogHttpConfig#mount}; everything else goes on to the JSON API. The mounted handler sees the
 * exchange as it arrived, on the IO thread, and owns its whole way through (dispatching to a worker,
 * errors, headers): the API's CORS, response cache and problem+json are not applied to it.
 */
final class SubtreeHandler implements HttpHandler {

    private final String prefix;
    private final String bare;
    private final HttpHandler subtree;
    private final HttpHandler next;

    /** @param prefix {@code /name/}: the subtree is that path and everything below it */
    SubtreeHandler(String prefix, HttpHandler subtree, HttpHandler next) {
        this.prefix = prefix;
        this.bare = prefix.substring(0, prefix.length() - 1);
        this.subtree = subtree;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (path.startsWith(prefix) || path.equals(bare)) {
            subtree.handleRequest(exchange);
        } else {
            next.handleRequest(exchange);
        }
    }
}
