package io.freecast.catalog.http.server;

import io.undertow.util.HeaderMap;
import java.util.Map;
import java.util.Optional;

/** {@link ApiRequest} over a matched route and a decoded request target. */
final class ExchangeRequest implements ApiRequest {

    private final String route;
    private final Map<String, String> pathParameters;
    private final RequestTarget target;
    private final HeaderMap headers;

    ExchangeRequest(String route, Map<String, String> pathParameters, RequestTarget target, HeaderMap headers) {
        this.route = route;
        this.pathParameters = pathParameters;
        this.target = target;
        this.headers = headers;
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
}
