package io.freecast.catalog.http.server;

import io.undertow.util.HeaderMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a cached response afresh, on a worker, while requests keep getting the current entry: the GET of
 * the same target, through the same route and handler a request would reach. Cacheable responses
 * ({@code Cache-Control: public}, varying only by {@code Accept-Encoding}) do not depend on request
 * headers, so the refresh needs none. A target that no longer answers a cacheable 200 (its movie was
 * deleted, the database is down) loses its entry, and the next request takes the usual path.
 */
final class CacheRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(CacheRefresh.class);

    private final Router router;
    private final ApiResponseHandler rendering;
    private final ResponseCache cache;

    CacheRefresh(Router router, ApiResponseHandler rendering, ResponseCache cache) {
        this.router = router;
        this.rendering = rendering;
        this.cache = cache;
    }

    void refresh(String key, ResponseCache.Entry current) {
        long builtAt = cache.generation();
        try {
            int query = key.indexOf('?');
            RequestTarget target = query < 0 ? RequestTarget.parse(key, "")
                    : RequestTarget.parse(key.substring(0, query), key.substring(query + 1));
            if (router.match(Router.GET, target.segments()) instanceof Router.Outcome.Matched matched) {
                String route = matched.route().template();
                ApiResponse response = matched.route().handler().handle(
                        new ExchangeRequest(route, matched.parameters(), target, new HeaderMap()));
                if (response.status() == 200 && response.file() == null
                        && response.caching() == ApiResponse.Caching.PUBLIC) {
                    byte[] body = rendering.body(response);
                    // A target whose clients asked for gzip gets its new form made here, on the worker.
                    byte[] gzipped = current.compressed() && Compression.worthCompressing(body.length)
                            ? Compression.gzip(body) : null;
                    cache.store(key, route, response.contentType(), body, gzipped, ETags.of(body),
                            response.headers().get("Link"), response.headers().get(Paging.TOTAL_COUNT), builtAt);
                    return;
                }
            }
        } catch (ApiProblem problem) {
            // The target now answers a problem; requests will get it through the usual path.
        } catch (RuntimeException e) {
            if (StorageOutages.find(e) != null) {
                // The storage adapter logs the outage itself; requests will get their 503 the usual way.
                cache.forget(key, current);
                return;
            }
            LOG.warn("refreshing the cached response of {} failed; the next request reads afresh", key, e);
        }
        cache.forget(key, current);
    }
}
