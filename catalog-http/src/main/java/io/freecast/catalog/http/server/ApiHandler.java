package io.freecast.catalog.http.server;

/**
 * Answers one request of a route registered through {@link ApiRoutes}.
 *
 * <p>Contract: runs on a worker thread (never an IO thread), so it may block on the database. It returns
 * a response, or throws {@link ApiProblem} for a client error; any other exception is logged and answered
 * as a 500 problem — which means a bug, since no input may cause one.
 */
@FunctionalInterface
public interface ApiHandler {

    ApiResponse handle(ApiRequest request);
}
