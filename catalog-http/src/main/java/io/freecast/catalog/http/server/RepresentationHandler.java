package io.freecast.catalog.http.server;

import io.undertow.server.HttpServerExchange;

/**
 * The last steps of a successful read: the representation is passed along as an argument rather than as an
 * exchange attachment, so that a response-cache hit on the IO thread goes through the same steps
 * ({@link ConditionalGetHandler} → {@link GzipHandler} → {@link ResponseSender}) without allocating an
 * attachment map per request. Each step wraps the next one, as Undertow's handlers do.
 */
@FunctionalInterface
interface RepresentationHandler {

    /** Answers a 200 (or a 304) for {@code representation}; headers other than the body's are already set. */
    void handle(HttpServerExchange exchange, Representation representation);
}
