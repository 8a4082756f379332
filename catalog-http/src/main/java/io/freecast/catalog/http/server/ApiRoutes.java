package io.freecast.catalog.http.server;

/**
 * Where routes are registered: the server's own resources, and extra ones a composition root adds through
 * {@link CatalogHttpConfig#routes(java.util.function.Consumer)} (for example {@code /tasks}).
 *
 * <p>Templates are paths whose segments are literals or {@code {name}} placeholders
 * ({@code /shows/{id}/episodes}); a trailing slash in the request is optional. A path that matches a
 * template but not its method is answered 405 with {@code Allow}; {@code HEAD} and {@code OPTIONS} are
 * answered for every {@code GET} route.
 *
 * <p>A write is one more route on the same template: {@code routes.get("/movies/{id}", read)
 * .patch("/movies/{id}", edit).delete("/movies/{id}", remove)}. Its handler reads the body with
 * {@link ApiRequest#body()}; its responses are never cached, and it runs on a worker like every handler.
 */
public interface ApiRoutes {

    /** Registers a read route. */
    ApiRoutes get(String template, ApiHandler handler);

    /** Registers a route that acts or creates (e.g. triggers a task); its responses are never cached. */
    ApiRoutes post(String template, ApiHandler handler);

    /** Registers a route that replaces a resource; its responses are never cached. */
    ApiRoutes put(String template, ApiHandler handler);

    /** Registers a route that changes part of a resource; its responses are never cached. */
    ApiRoutes patch(String template, ApiHandler handler);

    /** Registers a route that removes a resource; its responses are never cached. */
    ApiRoutes delete(String template, ApiHandler handler);
}
