package io.freecast.catalog.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ResponseCommitListener;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * Every CORS header the API sends, and nowhere else: the API is public read data, so any origin may read it
 * ({@code Access-Control-Allow-Origin: *}) and see the paging and caching headers. A preflight
 * ({@code OPTIONS}) is answered by the router with {@code Allow}; this handler mirrors that list into
 * {@code Access-Control-Allow-Methods} just before the response is committed, so the router needs to know
 * nothing about CORS and the two lists can never disagree.
 *
 * <p>The headers are set on the way in, before any other handler runs, so problems, 304s and response-cache
 * hits carry them too.
 */
final class CorsHandler implements HttpHandler {

    static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    static final String EXPOSED = "Link, X-Total-Count, ETag, Location, Retry-After";
    /** The request headers a cross-origin client may send: conditional reads and writes, a token, a JSON body. */
    static final String ALLOWED_REQUEST_HEADERS = "If-None-Match, If-Match, Authorization, Content-Type";

    private static final ResponseCommitListener PREFLIGHT = CorsHandler::preflight;

    private final HttpHandler next;

    CorsHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(ALLOW_ORIGIN, "*");
        headers.put(EXPOSE_HEADERS, EXPOSED);
        if (Router.OPTIONS.equals(exchange.getRequestMethod().toString())) {
            exchange.addResponseCommitListener(PREFLIGHT);
        }
        next.handleRequest(exchange);
    }

    private static void preflight(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        String allow = headers.getFirst(ApiRoutingHandler.ALLOW);
        if (allow != null) {
            headers.put(ALLOW_METHODS, allow);
            headers.put(ALLOW_HEADERS, ALLOWED_REQUEST_HEADERS);
        }
    }
}
