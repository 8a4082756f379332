package io.freecast.catalog.http.server;

/**
 * Where routes are registered: the server's own resources, and extra ones a composition root adds through
 * {@link CatalogHttpConfig#routes(java.util.function.Consumer)} (for example {@code /tasks}).
 *
 * <p>Templates are paths whose segments are literals or {@code {name}} placeholders
 * ({@code /shows/{id}/episodes}); a trailing slash in the request is optional. A path that matches a
 * template but not its method is answered 405 with {@code Allow}; {@code HEAD} and {@code OPTIONS} are
 * answered for every {@code GET} route.
 */
public interface ApiRoutes {

    /** Registers a read route. */
    ApiRoutes get(String template, ApiHandler handler);

    /** Registers a route that acts (e.g. triggers a task, creates an item); its responses are never cached. */
    ApiRoutes post(String template, ApiHandler handler);

    /** Registers a partial update (JSON Merge Patch); its responses are never cached. */
    ApiRoutes patch(String template, ApiHandler handler);

    /** Registers a deletion; its responses are never cached. */
    ApiRoutes delete(String template, ApiHandler handler);
}
