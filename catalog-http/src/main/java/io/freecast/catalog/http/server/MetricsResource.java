package io.freecast.catalog.http.server;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code /metrics} in Prometheus text format, and the request timer behind it:
 * {@code http_server_requests_seconds{method,route,status}} — a histogram, so latency quantiles can be
 * computed over any window. The route label is the template ({@code /shows/{id}}), never the raw path, so
 * hostile URLs cannot blow up the number of series.
 */
final class MetricsResource {

    static final String REQUESTS = "http.server.requests";
    static final String UNMATCHED = "UNMATCHED";

    private record Key(String method, String route, int status) {
    }

    private final PrometheusMeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void register(ApiRoutes routes) {
        routes.get("/metrics", this::scrape);
    }

    ApiResponse scrape(ApiRequest request) {
        return ApiResponse.bytes(registry.scrape().getBytes(StandardCharsets.UTF_8),
                        "text/plain; version=0.0.4; charset=utf-8")
                .caching(ApiResponse.Caching.NO_STORE);
    }

    /** Records one request; methods other than the usual ones are folded into OTHER. */
    void record(String method, String route, int status, long nanos) {
        Key key = new Key(knownMethod(method), route, status);
        timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder(REQUESTS)
                .description("HTTP requests by method, route template and status")
                .tag("method", key.method)
                .tag("route", key.route)
                .tag("status", Integer.toString(key.status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    private static String knownMethod(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> method;
            default -> "OTHER";
        };
    }
}
