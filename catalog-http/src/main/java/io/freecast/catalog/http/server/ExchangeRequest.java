package io.freecast.catalog.http.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/** {@link ApiRequest} over a matched route and a decoded request target. */
final class ExchangeRequest implements ApiRequest {

    private final String route;
    private final Map<String, String> pathParameters;
    private final RequestTarget target;
    private final HeaderMap headers;
    private final HttpServerExchange exchange;
    private final int maxBodySize;
    private byte[] body;

    /** A request with no client behind it (a cache refresh): no body, no client address. */
    ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target, HeaderMap headers) {
        this(route, pathParameters, target, headers, null, 0);
    }

    ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target, HeaderMap headers,
                    HttpServerExchange exchange, int maxBodySize) {
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
