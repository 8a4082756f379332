package io.freecast.catalog.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;

/**
 * Routing: finds the route for the decoded path and the method ({@link Router}) and runs its
 * {@link ApiHandler}; the next handler renders what it answered. A path no route knows is a 404; a known
 * path is answered {@code OPTIONS} with 204 and {@code Allow} for every method it has, and any other
 * method it has no route for with 405 and {@code Allow}.
 *
 * <p>Attaches the matched route template ({@link #ROUTE}, for metrics) and the handler's answer
 * ({@link #RESPONSE}).
 */
final class ApiRoutingHandler implements HttpHandler {

    static final HttpString ALLOW = new HttpString("Allow");
    static final AttachmentKey<String> ROUTE = AttachmentKey.create(String.class);
    static final AttachmentKey<ApiResponse> RESPONSE = AttachmentKey.create(ApiResponse.class);

    private final Router router;
    private final HttpHandler next;
    private final int maxBodySize;

    ApiRoutingHandler(Router router, HttpHandler next) {
        this(router, next, ExchangeRequest.MAX_BODY_BYTES);
    }

    /** @param maxBodySize the largest request body a route's handler may read (413 above it) */
    ApiRoutingHandler(Router router, HttpHandler next, int maxBodySize) {
        this.router = router;
        this.next = next;
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String method = exchange.getRequestMethod().toString();
        RequestTarget target = exchange.getAttachment(RequestTargetHandler.TARGET);
        switch (router.match(method, target.segments())) {
            case Router.Outcome.NotFound notFound ->
                    throw ApiProblem.notFound("no resource at this path; see /openapi.json for the API's paths");
            case Router.Outcome.NotAllowed notAllowed -> {
                exchange.putAttachment(ROUTE, notAllowed.template());
                String allow = String.join(", ", notAllowed.allow());
                exchange.getResponseHeaders().put(ALLOW, allow);
                // No route answers OPTIONS itself: the server does, for every path it knows.
                if (method.equals(Router.OPTIONS)) {
                    ResponseSender.sendEmpty(exchange, 204);
                    return;
                }
                throw ApiProblem.of(405, "method " + Quoting.quote(method) + " is not allowed here; allowed: " + allow);
            }
            case Router.Outcome.Matched matched -> {
                String route = matched.route().template();
                exchange.putAttachment(ROUTE, route);
                exchange.putAttachment(RESPONSE, matched.route().handler().handle(
                        new ExchangeRequest(route, matched.parameters(), target, exchange, maxBodySize)));
                next.handleRequest(exchange);
            }
        }
    }
}
