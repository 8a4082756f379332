package io.freecast.catalog.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request's way through the server: off the IO thread, size check, decoding, routing, the handler,
 * then the same response rules for all — problem+json errors, ETag/304, Cache-Control, gzip, HEAD — and
 * one request timer.
 *
 * <p>Nothing a client sends may cause a 5xx: client mistakes are {@link ApiProblem}s (4xx); anything else
 * that escapes a handler is a bug, logged with its stack trace and answered as a plain 500 problem.
 */
final class ApiExchangeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExchangeHandler.class);
    private static final HttpString ALLOW = new HttpString("Allow");
    private static final HttpString VARY = new HttpString("Vary");
    private static final HttpString CORS_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString CORS_EXPOSE = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString CORS_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString CORS_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
    private static final HttpString LINK = new HttpString("Link");
    private static final HttpString TOTAL_COUNT = new HttpString(Paging.TOTAL_COUNT);
    private static final String PROBLEM_JSON = "application/problem+json";
    /** A problem names the request path as its {@code instance}, unless the path is too long to echo. */
    private static final int MAX_INSTANCE_LENGTH = 256;

    private final Router router;
    private final ObjectMapper json;
    private final MetricsResource metrics;
    private final int maxRequestTargetLength;
    private final String publicCaching;
    private final ResponseCache cache;
    private final int maxRequestBodySize;

    ApiExchangeHandler(Router router, ObjectMapper json, MetricsResource metrics, int maxRequestTargetLength,
                       Duration cacheMaxAge, ResponseCache cache, int maxRequestBodySize) {
        this.maxRequestBodySize = maxRequestBodySize;
        this.router = router;
        this.json = json;
        this.metrics = metrics;
        this.maxRequestTargetLength = maxRequestTargetLength;
        this.cache = cache;
        this.publicCaching = cacheMaxAge.isZero() ? "no-cache" : "public, max-age=" + cacheMaxAge.toSeconds();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            if (cache.enabled() && answerFromCache(exchange)) {
                return;
            }
            // Handlers block on the database: run them on the worker pool, never on an IO thread.
            exchange.dispatch(this);
            return;
        }
        long started = System.nanoTime();
        String method = exchange.getRequestMethod().toString();
        String route = MetricsResource.UNMATCHED;
        int status;
        try {
            long cacheGeneration = cache.generation();
            RequestTarget target = decodeTarget(exchange);
            Router.Outcome outcome = router.match(method, target.segments());
            switch (outcome) {
                case Router.Outcome.NotFound notFound ->
                        throw ApiProblem.notFound("no resource at this path; see /openapi.json for the API's paths");
                case Router.Outcome.NotAllowed notAllowed -> {
                    // No route answers OPTIONS itself: the server does, for every path it knows.
                    route = notAllowed.template();
                    status = method.equals(Router.OPTIONS) ? options(exchange, notAllowed.allow())
                            : notAllowed(exchange, method, notAllowed.allow());
                }
                case Router.Outcome.Matched matched -> {
                    route = matched.route().template();
                    status = respond(exchange, method, route, cacheGeneration, matched.route().handler().handle(
                            new ExchangeRequest(route, matched.parameters(), target, exchange.getRequestHeaders(),
                                    exchange, maxRequestBodySize)));
                }
            }
        } catch (ApiProblem problem) {
            status = sendProblem(exchange, problem.status(), instance -> Problem.of(problem, instance), problem.headers());
        } catch (RuntimeException | Error e) {
            LOG.error("unexpected failure answering {} {}", method, exchange.getRequestURI(), e);
            status = sendProblem(exchange, 500, "the server failed to answer; the failure was logged", null);
        }
        metrics.record(method, route, status, System.nanoTime() - started);
    }

    private RequestTarget decodeTarget(HttpServerExchange exchange) {
        String rawPath = exchange.getRequestPath();
        String rawQuery = exchange.getQueryString();
        if (rawPath.length() + rawQuery.length() > maxRequestTargetLength) {
            throw ApiProblem.of(414, "the request target is longer than " + maxRequestTargetLength + " bytes");
        }
        if (exchange.getRequestURI().indexOf(';') >= 0) {
            // Undertow strips ";name=value" path parameters from the path it hands over; this API has none,
            // so "/shows/1;x/seasons" is a malformed path, not another spelling of "/shows/1/seasons".
            throw ApiProblem.badRequest("the path contains ';': this API has no path parameters");
        }
        return RequestTarget.parse(rawPath, rawQuery);
    }

    private int options(HttpServerExchange exchange, Set<String> allow) {
        String methods = String.join(", ", allow);
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(ALLOW, methods);
        headers.put(CORS_ORIGIN, "*");
        headers.put(CORS_METHODS, methods);
        headers.put(CORS_HEADERS, "If-None-Match, If-Match, Authorization, Content-Type");
        exchange.setStatusCode(204);
        finish(exchange, exchange::endExchange);
        return 204;
    }

    private int notAllowed(HttpServerExchange exchange, String method, Set<String> allow) {
        exchange.getResponseHeaders().put(ALLOW, String.join(", ", allow));
        return sendProblem(exchange, 405, "method " + Quoting.quote(method) + " is not allowed here; allowed: "
                + String.join(", ", allow), null);
    }

    private int respond(HttpServerExchange exchange, String method, String route, long cacheGeneration,
                        ApiResponse response) {
        StaticFile file = response.file();
        byte[] body = file != null ? file.bytes() : response.bytes() != null ? response.bytes() : write(response);
        HeaderMap headers = exchange.getResponseHeaders();
        boolean read = method.equals(Router.GET) || method.equals(Router.HEAD);
        commonHeaders(headers, response.contentType(), read ? caching(response.caching()) : "no-store");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            headers.put(new HttpString(header.getKey()), header.getValue());
        }
        if (!read || response.status() != 200 || response.caching() == ApiResponse.Caching.NO_STORE) {
            return send(exchange, method, response.status(), body);
        }
        String etag = file != null ? file.etag() : ETags.of(body);
        byte[] gzipped = file != null ? file.gzipped() : null;
        if (file == null && cache.enabled() && response.caching() == ApiResponse.Caching.PUBLIC) {
            gzipped = store(cacheKey(exchange), route, response, body, etag, cacheGeneration);
        }
        return conditionalSend(exchange, method, body, gzipped, etag);
    }

    /**
     * Keeps a finished response in the micro-cache, gzipped once here so that every later hit can be
     * answered in either form from the IO thread.
     *
     * @return the gzip form, or {@code null} when the body is too small to be worth compressing
     */
    private byte[] store(String key, String route, ApiResponse response, byte[] body, String etag, long builtAt) {
        byte[] gzipped = Compression.worthCompressing(body.length) ? Compression.gzip(body) : null;
        cache.put(key, route, response.contentType(), body, gzipped, etag, response.headers().get("Link"),
                response.headers().get(Paging.TOTAL_COUNT), builtAt);
        return gzipped;
    }

    /**
     * Builds a cached response afresh, on a worker, while requests keep getting the current entry: the GET
     * of the same target, through the same route and handler a request would reach. Cacheable responses
     * ({@code Cache-Control: public}, varying only by {@code Accept-Encoding}) do not depend on request
     * headers, so the refresh needs none. A target that no longer answers a cacheable 200 (its movie was
     * deleted, the database is down) loses its entry, and the next request takes the usual path.
     */
    private void refresh(String key, ResponseCache.Entry current) {
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
                    byte[] body = response.bytes() != null ? response.bytes() : write(response);
                    store(key, route, response, body, ETags.of(body), builtAt);
                    return;
                }
            }
        } catch (ApiProblem problem) {
            // The target now answers a problem; requests will get it through the usual path.
        } catch (RuntimeException e) {
            LOG.warn("refreshing the cached response of {} failed; the next request reads afresh", key, e);
        }
        cache.forget(key, current);
    }

    /** A 200 with ETag, or a 304 when the client's copy is current; gzip when accepted and worth it. */
    private static int conditionalSend(HttpServerExchange exchange, String method, byte[] body, byte[] gzipped,
                                       String etag) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(VARY, "Accept-Encoding");
        if (ETags.matches(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH), etag)) {
            headers.remove(Headers.CONTENT_TYPE);
            headers.put(Headers.ETAG, etag);
            exchange.setStatusCode(304);
            finish(exchange, exchange::endExchange);
            return 304;
        }
        if (Compression.worthCompressing(body.length)
                && Compression.acceptsGzip(exchange.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING))) {
            body = gzipped != null ? gzipped : Compression.gzip(body);
            headers.put(Headers.CONTENT_ENCODING, "gzip");
            etag = ETags.gzipped(etag);
        }
        headers.put(Headers.ETAG, etag);
        return send(exchange, method, 200, body);
    }

    /**
     * Answers a GET or HEAD from the micro-cache, on the IO thread, and has an entry past half its TTL
     * refreshed on a worker meanwhile (see {@link ResponseCache}).
     *
     * @return false when there is no entry younger than the TTL (the request then goes to a worker as usual)
     */
    private boolean answerFromCache(HttpServerExchange exchange) {
        String method = exchange.getRequestMethod().toString();
        if (!method.equals(Router.GET) && !method.equals(Router.HEAD) || exchange.getRequestURI().indexOf(';') >= 0) {
            return false;
        }
        long started = System.nanoTime();
        String key = cacheKey(exchange);
        ResponseCache.Entry entry = cache.find(key);
        if (entry == null) {
            return false;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        commonHeaders(headers, entry.contentType(), publicCaching);
        if (entry.link() != null) {
            headers.put(LINK, entry.link());
        }
        if (entry.total() != null) {
            headers.put(TOTAL_COUNT, entry.total());
        }
        if (cache.claimRefresh(entry)) {
            refreshInBackground(exchange, key, entry);
        }
        int status = conditionalSend(exchange, method, entry.body(), entry.gzipped(), entry.etag());
        metrics.record(method, entry.route(), status, System.nanoTime() - started);
        return true;
    }

    private void refreshInBackground(HttpServerExchange exchange, String key, ResponseCache.Entry entry) {
        try {
            exchange.getConnection().getWorker().execute(() -> refresh(key, entry));
        } catch (RejectedExecutionException e) {
            // The server is stopping: no refresh, and no entry left to outlive it.
            cache.forget(key, entry);
        }
    }

    /** The request target exactly as sent: two spellings of one query are two entries, never a wrong answer. */
    private static String cacheKey(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        return query.isEmpty() ? exchange.getRequestPath() : exchange.getRequestPath() + '?' + query;
    }

    private static void commonHeaders(HeaderMap headers, String contentType, String cacheControl) {
        headers.put(Headers.CONTENT_TYPE, contentType);
        headers.put(Headers.CACHE_CONTROL, cacheControl);
        headers.put(NOSNIFF, "nosniff");
        headers.put(CORS_ORIGIN, "*");
        headers.put(CORS_EXPOSE, "Link, X-Total-Count, ETag, Location, Retry-After");
    }

    private String caching(ApiResponse.Caching caching) {
        return switch (caching) {
            case PUBLIC -> publicCaching;
            case LONG -> "public, max-age=86400";
            case NO_STORE -> "no-store";
            case PRIVATE -> "private, no-cache";
        };
    }

    private byte[] write(ApiResponse response) {
        try {
            return json.writeValueAsBytes(response.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response as JSON", e);
        }
    }

    private int sendProblem(HttpServerExchange exchange, int status, String detail, String parameter) {
        return sendProblem(exchange, status, instance -> Problem.of(status, detail, instance, parameter), Map.of());
    }

    /** @param extraHeaders the problem's own headers ({@code WWW-Authenticate}, a 412's current {@code ETag}…) */
    private int sendProblem(HttpServerExchange exchange, int status, java.util.function.Function<String, Problem> document,
                            Map<String, String> extraHeaders) {
        if (exchange.isResponseStarted()) {
            // Too late for a problem body: the status line is gone. Cut the connection so the client
            // sees a failure rather than a truncated body it might take for a whole one.
            org.xnio.IoUtils.safeClose(exchange.getConnection());
            return status;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        headers.remove(Headers.ETAG);
        headers.remove(Headers.CONTENT_ENCODING);
        headers.remove(TOTAL_COUNT);
        headers.remove(LINK);
        headers.put(Headers.CONTENT_TYPE, PROBLEM_JSON);
        headers.put(Headers.CACHE_CONTROL, "no-store");
        headers.put(NOSNIFF, "nosniff");
        headers.put(CORS_ORIGIN, "*");
        extraHeaders.forEach((name, value) -> headers.put(new HttpString(name), value));
        String path = exchange.getRequestPath();
        Problem problem = document.apply(path.length() <= MAX_INSTANCE_LENGTH ? path : null);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"type\":\"about:blank\",\"status\":" + status + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return send(exchange, exchange.getRequestMethod().toString(), status, body);
    }

    private static int send(HttpServerExchange exchange, String method, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.setResponseContentLength(body.length);
        if (method.equals(Router.HEAD)) {
            finish(exchange, exchange::endExchange);
        } else {
            finish(exchange, () -> exchange.getResponseSender().send(ByteBuffer.wrap(body)));
        }
        return status;
    }

    /**
     * Writes the response from the connection's IO thread. A worker thread that wrote it itself would still
     * be unwinding when the client, already answered, sends its next request on the same connection; the
     * IO thread then spins until the worker lets go of the exchange — measured at 40% of the CPU under
     * load. Handing the write to the IO thread, after the worker has finished, removes that race.
     */
    private static void finish(HttpServerExchange exchange, Runnable write) {
        if (exchange.isInIoThread()) {
            write.run();
        } else {
            exchange.dispatch(exchange.getIoThread(), write);
        }
    }
}
