package io.freecast.catalog.http.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Conditional GET: tags a successful read with its strong {@code ETag} and answers {@code If-None-Match}
 * with a bodiless 304 when the client's copy is current (either representation's tag matches, see
 * {@link ETags#matches}). Otherwise the next step sends the body.
 */
final class ConditionalGetHandler implements RepresentationHandler {

    private final RepresentationHandler next;

    ConditionalGetHandler(RepresentationHandler next) {
        this.next = next;
    }

    @Override
    public void handle(HttpServerExchange exchange, Representation representation) {
        if (ETags.matches(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH), representation.etag())) {
            exchange.getResponseHeaders().remove(Headers.CONTENT_TYPE);
            // A 304 carries what the 200 would have said about caching (RFC 9110 §15.4.5).
            exchange.getResponseHeaders().put(GzipHandler.VARY, "Accept-Encoding");
            exchange.getResponseHeaders().put(Headers.ETAG, representation.etag());
            ResponseSender.sendEmpty(exchange, 304);
            return;
        }
        next.handle(exchange, representation);
    }
}
