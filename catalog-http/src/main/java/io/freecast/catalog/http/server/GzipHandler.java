package io.freecast.catalog.http.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Headers;

/**
 * Content negotiation for a successful read: the gzip form (with its own {@code -gz} tag, see
 * {@link ETags#gzipped}) for a client that accepts gzip when the body is worth compressing, the body as it
 * is otherwise. Either way {@code Vary: Accept-Encoding}, and the chosen form is sent.
 *
 * <p>A cached or static representation carries its gzip form already; a freshly rendered one is compressed
 * here, only when a client asks for it.
 */
final class GzipHandler implements RepresentationHandler {

    static final HttpString VARY = new HttpString("Vary");

    @Override
    public void handle(HttpServerExchange exchange, Representation representation) {
        byte[] body = representation.body();
        String etag = representation.etag();
        exchange.getResponseHeaders().put(VARY, "Accept-Encoding");
        if (Compression.worthCompressing(body.length)
                && Compression.acceptsGzip(exchange.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING))) {
            byte[] gzipped = representation.gzipped();
            body = gzipped != null ? gzipped : Compression.gzip(body);
            etag = ETags.gzipped(etag);
            exchange.getResponseHeaders().put(Headers.CONTENT_ENCODING, "gzip");
        }
        exchange.getResponseHeaders().put(Headers.ETAG, etag);
        ResponseSender.send(exchange, 200, body);
    }
}
