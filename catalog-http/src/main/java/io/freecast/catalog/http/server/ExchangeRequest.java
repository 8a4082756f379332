package io.freecast.catalog.http.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/** {@link ApiRequest} over a matched route and a decoded request target. */
final class ExchangeRequest implements ApiRequest {

    private final String route;
    private final Map<String, String> pathParameters;
    private final RequestTarget target;
    private final HeaderMap headers;
    /** The exchange the body is read from; {@code null} for a request the server makes itself (a refresh). */
    private final HttpServerExchange exchange;
    private byte[] body;

    /** A request that came over a connection. */
    ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target,
                    HttpServerExchange exchange) {
        this(route, pathParameters, target, exchange.getRequestHeaders(), exchange);
    }

    /** A bodiless GET the server makes itself, e.g. to refresh a cached response. */
    ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target, HeaderMap headers) {
        this(route, pathParameters, target, headers, null);
    }

    private ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target,
                            HeaderMap headers, HttpServerExchange exchange) {
        this.route = route;
        this.pathParameters = pathParameters;
        this.target = target;
        this.headers = headers;
        this.exchange = exchange;
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public String path() {
        StringBuilder path = new StringBuilder();
        for (String segment : target.segments()) {
            path.append('/').append(UriEncoding.encode(segment));
        }
        if (path.isEmpty() || target.trailingSlash()) {
            path.append('/');
        }
        return path.toString();
    }

    @Override
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route " + route + " has no path parameter {" + name + "}");
        }
        return value;
    }

    @Override
    public long idParameter(String name) {
        return Ids.parse(name, pathParameter(name));
    }

    @Override
    public Optional<String> query(String name) {
        return target.single(name);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    @Override
    public byte[] body() {
        if (body == null) {
            body = exchange == null ? new byte[0] : read(exchange);
        }
        return body;
    }

    /** Reads the whole body on this worker thread; the server caps its size (see {@link #MAX_BODY_BYTES}). */
    private static byte[] read(HttpServerExchange exchange) {
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        try (InputStream in = exchange.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw ApiProblem.of(413, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            // Undertow refuses a body over its own limit, and a client may hang up mid-body.
            throw ApiProblem.badRequest("the request body could not be read: it was cut off or too large");
        }
    }

    /** The largest request body a handler gets to see: far more than any catalog edit needs. */
    static final int MAX_BODY_BYTES = 64 * 1024;
}
