package io.freecast.catalog.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * The response cache's way in: answers a GET or HEAD from a {@link ResponseCache} entry on the IO thread —
 * no worker, no database, no JSON, no hashing — through the same ETag/304 and gzip steps as a rendered
 * read, and has an entry past half its TTL refreshed on a worker meanwhile ({@link CacheRefresh}). Any other
 * request, or one without an entry younger than the TTL, goes on to the next handler.
 *
 * <p>The hot path: it allocates nothing the response itself does not need, and takes no lock. Hits are
 * timed here, since they never reach {@link RequestMetricsHandler}.
 */
final class ResponseCacheHandler implements HttpHandler {

    private final ResponseCache cache;
    private final String publicCaching;
    private final MetricsResource metrics;
    private final CacheRefresh refresh;
    private final RepresentationHandler hit;
    private final HttpHandler next;

    /**
     * @param hit where an entry is answered from: ETag/304, then gzip and the write
     */
    ResponseCacheHandler(ResponseCache cache, String publicCaching, MetricsResource metrics, CacheRefresh refresh,
                         RepresentationHandler hit, HttpHandler next) {
        this.cache = cache;
        this.publicCaching = publicCaching;
        this.metrics = metrics;
        this.refresh = refresh;
        this.hit = hit;
        this.next = next;
    }

    /**
     * {@link ResponseCache#generation()} when a request that was not answered from the cache began: its
     * response is stored only if no write invalidated the cache since (it may have read older data).
     */
    static final AttachmentKey<Long> GENERATION = AttachmentKey.create(Long.class);

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.isInIoThread() || !answerFromCache(exchange)) {
            if (exchange.getAttachment(GENERATION) == null) {
                exchange.putAttachment(GENERATION, cache.generation());
            }
            next.handleRequest(exchange);
        }
    }

    /** @return false when there is no entry younger than the TTL for this request */
    private boolean answerFromCache(HttpServerExchange exchange) {
        String method = exchange.getRequestMethod().toString();
        if (!method.equals(Router.GET) && !method.equals(Router.HEAD) || exchange.getRequestURI().indexOf(';') >= 0) {
            return false;
        }
        long started = System.nanoTime();
        String key = key(exchange);
        ResponseCache.Entry entry = cache.find(key);
        if (entry == null) {
            return false;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        ResponseHeaders.describe(headers, entry.contentType(), publicCaching);
        if (entry.link() != null) {
            headers.put(ResponseHeaders.LINK, entry.link());
        }
        if (entry.total() != null) {
            headers.put(ResponseHeaders.TOTAL_COUNT, entry.total());
        }
        if (cache.claimRefresh(entry)) {
            refreshInBackground(exchange, key, entry);
        }
        hit.handle(exchange, entry);
        metrics.record(method, entry.route(), exchange.getStatusCode(), System.nanoTime() - started);
        return true;
    }

    private void refreshInBackground(HttpServerExchange exchange, String key, ResponseCache.Entry entry) {
        try {
            exchange.getConnection().getWorker().execute(() -> refresh.refresh(key, entry));
        } catch (RejectedExecutionException e) {
            // The server is stopping: no refresh, and no entry left to outlive it.
            cache.forget(key, entry);
        }
    }

    /** The request target exactly as sent: two spellings of one query are two entries, never a wrong answer. */
    static String key(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        return query.isEmpty() ? exchange.getRequestPath() : exchange.getRequestPath() + '?' + query;
    }

    /**
     * The response cache's store, the first representation step of a rendered {@code public} read: keeps the
     * response for the next requests of the same target, then passes the stored entry on.
     */
    static final class Store implements RepresentationHandler {

        private final ResponseCache cache;
        private final RepresentationHandler next;

        Store(ResponseCache cache, RepresentationHandler next) {
            this.cache = cache;
            this.next = next;
        }

        @Override
        public void handle(HttpServerExchange exchange, Representation representation) {
            HeaderMap headers = exchange.getResponseHeaders();
            Long began = exchange.getAttachment(GENERATION);
            next.handle(exchange, cache.store(key(exchange), exchange.getAttachment(ApiRoutingHandler.ROUTE),
                    headers.getFirst(io.undertow.util.Headers.CONTENT_TYPE), representation.body(),
                    representation.gzipped(), representation.etag(), headers.getFirst(ResponseHeaders.LINK),
                    headers.getFirst(ResponseHeaders.TOTAL_COUNT), began == null ? -1 : began));
        }
    }
}
