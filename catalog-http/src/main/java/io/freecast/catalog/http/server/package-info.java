/**
 * The read-only JSON API on Undertow + Jackson, served from the core's read side
 * ({@link io.freecast.catalog.port.in.CatalogQueries}) and nothing else: it never writes to the catalog.
 *
 * <p>Public surface: {@link io.freecast.catalog.http.server.CatalogHttpServer} (create, start, stop),
 * {@link io.freecast.catalog.http.server.CatalogHttpConfig}, and the small extension API
 * ({@link io.freecast.catalog.http.server.ApiRoutes}, {@link io.freecast.catalog.http.server.ApiHandler},
 * {@link io.freecast.catalog.http.server.ApiRequest}, {@link io.freecast.catalog.http.server.ApiResponse},
 * {@link io.freecast.catalog.http.server.ApiProblem}) through which a composition root adds routes such as
 * {@code /tasks}. Everything else is package-private engine: the router, query-string parsing, JSON views
 * of the domain, problem+json errors, ETag/gzip and metrics.
 */
package io.freecast.catalog.http.server;
