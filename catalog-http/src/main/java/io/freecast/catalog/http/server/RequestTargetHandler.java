package io.freecast.catalog.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * Decoding: turns the raw request target into a {@link RequestTarget} (strict percent-decoding, see there)
 * and attaches it for the router and the handlers. An over-long target is a 414, a malformed one a 400.
 */
final class RequestTargetHandler implements HttpHandler {

    static final AttachmentKey<RequestTarget> TARGET = AttachmentKey.create(RequestTarget.class);

    private final int maxRequestTargetLength;
    private final HttpHandler next;

    RequestTargetHandler(int maxRequestTargetLength, HttpHandler next) {
        this.maxRequestTargetLength = maxRequestTargetLength;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.putAttachment(TARGET, decode(exchange));
        next.handleRequest(exchange);
    }

    private RequestTarget decode(HttpServerExchange exchange) {
        String rawPath = exchange.getRequestPath();
        String rawQuery = exchange.getQueryString();
        if (rawPath.length() + rawQuery.length() > maxRequestTargetLength) {
            throw ApiProblem.of(414, "the request target is longer than " + maxRequestTargetLength + " bytes");
        }
        if (exchange.getRequestURI().indexOf(';') >= 0) {
            // Undertow strips ";name=value" path parameters from the path it hands over; this API has none,
            // so "/shows/1;x/seasons" is a malformed path, not another spelling of "/shows/1/seasons".
            throw ApiProblem.badRequest("the path contains ';': this API has no path parameters");
        }
        return RequestTarget.parse(rawPath, rawQuery);
    }
}
