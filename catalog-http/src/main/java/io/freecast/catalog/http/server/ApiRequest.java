package io.freecast.catalog.http.server;

import java.util.Optional;

/** What a handler sees of a request: its path parameters, query parameters and headers, all decoded, and its body. */
public interface ApiRequest {

    /** The route template that matched, e.g. {@code /shows/{id}} (also the metrics label). */
    String route();

    /**
     * The request path in canonical form: decoded segments re-encoded, the trailing slash kept as the
     * client wrote it. Safe to put into a {@code Link} header.
     */
    String path();

    /** The value of a {@code {name}} segment of the route template. */
    String pathParameter(String name);

    /**
     * A path parameter that must be an id: a positive 64-bit integer.
     *
     * @throws ApiProblem 400 naming the parameter for anything else
     */
    long idParameter(String name);

    /**
     * A query parameter, decoded; empty when absent.
     *
     * @throws ApiProblem 400 when the parameter was given more than once
     */
    Optional<String> query(String name);

    /** A request header (first value); empty when absent. */
    Optional<String> header(String name);

    /**
     * The client's IP address as the connection shows it (the server trusts no forwarding header), e.g. for
     * throttling failed authentications per client.
     */
    String clientAddress();

    /**
     * The request body, read whole on first call (empty when there is none).
     *
     * Write routes parse it themselves (e.g. as JSON) and answer a malformed one with a 400 or 422
     * {@link ApiProblem}.
     *
     * @throws ApiProblem 413 when it is larger than the server's request body limit (refused without being
     *                    kept, the rest read and dropped up to 16 MB), 400 for one cut off mid-way
     */
    byte[] body();
}
