/**
 * The JSON API on Undertow + Jackson, served from the core's read side
 * ({@link io.freecast.catalog.port.in.CatalogQueries}) and from the routes a composition root adds.
 *
 * <p>Public surface: {@link io.freecast.catalog.http.server.CatalogHttpServer} (create, start, stop),
 * {@link io.freecast.catalog.http.server.CatalogHttpConfig}, and the small extension API
 * ({@link io.freecast.catalog.http.server.ApiRoutes}, {@link io.freecast.catalog.http.server.ApiHandler},
 * {@link io.freecast.catalog.http.server.ApiRequest}, {@link io.freecast.catalog.http.server.ApiResponse},
 * {@link io.freecast.catalog.http.server.ApiProblem}) through which a composition root adds routes such as
 * {@code /tasks}. Everything else is package-private engine.
 *
 * <h2>The request path</h2>
 * Below Undertow's parser, each connection's bytes pass {@code RequestLineGuard} (set up by
 * {@code HttpListener}): a request line with a bad percent escape or an HTTP major version other than 1 is
 * answered with problem+json (400 naming the parameter, 505) instead of the parser's bare 400 or its
 * silent HTTP/1.1, and any other bare 400 of the parser is replaced by a 400 problem. Above the parser,
 * Undertow handlers, each doing one thing and wrapping the next, built once in {@code CatalogHttpServer}:
 * <pre>
 * (RequestLineGuard)                  tells the connection when its next request line begins
 * GracefulShutdownHandler             (Undertow) lets requests in flight finish on stop
 *  └ SubtreeHandler                   only when something is mounted: /admin/… → the mounted handler
 *     └ CorsHandler                   every CORS header, on every API response (preflight from Allow)
 *        └ ResponseCacheHandler       only with a response cache: a GET/HEAD hit answered on the IO thread
 *           └ WorkerDispatchHandler   IO thread → worker: everything below may block (routes that need no
 *              │                          storage, and /health, on threads of their own: StorageFreeRoutes)
 *              └ RequestMetricsHandler      times the request by method, route template, status
 *                 └ ProblemHandler          exceptions → problem+json (ApiProblem 4xx; storage unavailable
 *                                           503 + Retry-After; anything else 500)
 *                    └ RequestTargetHandler strict decoding of path and query; 414, 400
 *                       └ ApiRoutingHandler route by path and method; 404, 405, OPTIONS; runs the ApiHandler
 *                          └ ApiResponseHandler renders the answer: body, Content-Type, Cache-Control
 *                             → a successful read goes on as a Representation:
 *                               ResponseCacheHandler.Store (public data, cache on) → ConditionalGetHandler
 *                               (ETag, 304) → GzipHandler (Content-Encoding) → ResponseSender
 *                             → anything else → ResponseSender
 * </pre>
 * A response-cache hit takes the same last steps (ConditionalGetHandler → GzipHandler → ResponseSender)
 * with the cached entry. The representation steps pass the body as an argument rather than as an exchange
 * attachment, so a hit allocates no attachment map; below the worker dispatch the decoded target, the
 * matched route and the handler's answer travel as attachments ({@code RequestTargetHandler.TARGET},
 * {@code ApiRoutingHandler.ROUTE}, {@code ApiRoutingHandler.RESPONSE}).
 *
 * <h2>The write side</h2>
 * Routes like any other ({@code ItemWriteRoutes} for shows, movies, seasons, episodes and sources;
 * {@code TrailRoutes} for tombstones and the audit trail; {@code AccessRoutes} for accounts and tokens),
 * registered when {@link io.freecast.catalog.http.server.CatalogHttpConfig} is given the ports. Every item
 * write goes through {@code CatalogWrites}, in this order: {@code BearerAuthentication} (401, 429, 403,
 * before anything is read), the id, {@code IfMatch} (428; the core compares it with the item rendered by
 * {@code Representations} exactly as its GET renders it, inside the write's transaction), the body
 * ({@code RequestBodyReader} 413, {@code JsonBody} 415/400, {@code BodyFields}/{@code ItemBodies} 422 for
 * members that are not writable fields, wrong types handed to the core as invalid edits), the use-case
 * ({@code CoreRefusals}: 422, 412 with the current item, 404, 403), then {@code ResponseCache#invalidate}
 * of what the item shows up in, before the answer. {@code PrivateReads} puts the read routes behind a
 * {@code read}-scope token when reads are private.
 *
 * <h2>Adding to it</h2>
 * <ul>
 *   <li><b>A write</b> is another route on the same template:
 *   {@code routes.get("/movies/{id}", read).patch("/movies/{id}", edit).delete("/movies/{id}", remove)}
 *   ({@link io.freecast.catalog.http.server.ApiRoutes} has {@code post}, {@code put}, {@code patch},
 *   {@code delete}). The handler runs on a worker, reads the body with
 *   {@link io.freecast.catalog.http.server.ApiRequest#body()} and headers such as {@code If-Match} with
 *   {@code header(…)}, and throws {@link io.freecast.catalog.http.server.ApiProblem} for the client's
 *   mistakes. The router then answers {@code Allow}/405/{@code OPTIONS} for the new method by itself;
 *   responses to methods other than GET/HEAD are {@code no-store}, never cached, never ETag-ed, and CORS
 *   preflights allow {@code If-Match}, {@code Authorization} and {@code Content-Type}.</li>
 *   <li><b>A separate subtree</b> such as a server-rendered {@code /admin/} is mounted with
 *   {@link io.freecast.catalog.http.server.CatalogHttpConfig#mount(String, io.undertow.server.HttpHandler)}:
 *   its own Undertow handler chain receives every request under the prefix, before anything of the API's
 *   chain runs (no API CORS, response cache or problem+json), and shares only the listener and graceful
 *   shutdown.</li>
 *   <li><b>Another concern for every API request</b> is one more handler that takes {@code next}, inserted
 *   in {@code CatalogHttpServer}'s chain: above {@code WorkerDispatchHandler} if it must not block (and
 *   must stay allocation-free for cache hits), below it otherwise.</li>
 * </ul>
 */
package io.freecast.catalog.http.server;
