package io.freecast.catalog.http.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/** {@link ApiRequest} over a matched route and a decoded request target. */
final class ExchangeRequest implements ApiRequest {

    /** The largest request body a handler gets to see unless the server is told otherwise. */
    static final int MAX_BODY_BYTES = CatalogHttpConfig.DEFAULT_MAX_REQUEST_BODY_SIZE;

    private final String route;
    private final Map<String, String> pathParameters;
    private final RequestTarget target;
    private final HeaderMap headers;
    /** The exchange the body is read from; {@code null} for a request the server makes itself (a refresh). */
    private final HttpServerExchange exchange;
    private final int maxBodySize;
    private byte[] body;

    /** A request that came over a connection, with the default body limit. */
    ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target,
                    HttpServerExchange exchange) {
        this(route, pathParameters, target, exchange, MAX_BODY_BYTES);
    }

    /** A request that came over a connection; a body over {@code maxBodySize} bytes is a 413. */
    ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target,
                    HttpServerExchange exchange, int maxBodySize) {
        this(route, pathParameters, target, exchange.getRequestHeaders(), exchange, maxBodySize);
    }

    /** A bodiless GET the server makes itself, e.g. to refresh a cached response: no body, no client address. */
    ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target, HeaderMap headers) {
        this(route, pathParameters, target, headers, null, 0);
    }

    private ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target,
                            HeaderMap headers, HttpServerExchange exchange, int maxBodySize) {
        this.route = route;
        this.pathParameters = pathParameters;
        this.target = target;
        this.headers = headers;
        this.exchange = exchange;
        this.maxBodySize = maxBodySize;
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
    public String clientAddress() {
        if (exchange == null || !(exchange.getSourceAddress() instanceof InetSocketAddress address)
                || address.getAddress() == null) {
            return "unknown";
        }
        return address.getAddress().getHostAddress();
    }

    @Override
    public byte[] body() {
        if (body == null) {
            body = exchange == null ? new byte[0] : RequestBodyReader.read(exchange, maxBodySize);
        }
        return body;
    }
}
