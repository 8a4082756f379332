package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What runs the API in production: /health, /metrics, /docs, start and graceful stop, and the extension
 * point through which a composition root adds routes (the way {@code /tasks} will be added).
 */
class ServerOperationsIT {

    @TempDir
    Path dir;

    @Test
    void healthIsUpWithTheDatabaseAndDownWith503WhenItIsGone() {
        try (SeededServer server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(3, 1))) {
            ApiClient.Answer up = server.api.get("/health");
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().get("status").asText()).isEqualTo("up");
            assertThat(up.json().at("/checks/database/status").asText()).isEqualTo("up");

            server.store.close();

            ApiClient.Answer down = server.api.get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("down");
            assertThat(down.json().at("/checks/database/detail").asText()).isNotBlank();
        }
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndStatusWithLatencyHistogramsAndCustomGauges() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("catalog_pool_active", () -> 3).register(registry);
        try (SeededServer server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(3, 1),
                config -> config.meterRegistry(registry))) {
            long id = server.api.get("/movies/?limit=1").json().get(0).get("id").asLong();
            server.api.get("/movies/" + id);
            server.api.get("/movies/" + id);
            server.api.get("/movies/999999");
            server.api.get("/no/such/path/" + System.nanoTime());

            ApiClient.Answer metrics = server.api.get("/metrics");

            assertThat(metrics.contentType()).startsWith("text/plain");
            String text = metrics.text();
            assertThat(count(text, "GET", "/movies/{id}", 200)).isEqualTo(2);
            assertThat(count(text, "GET", "/movies/{id}", 404)).isEqualTo(1);
            assertThat(count(text, "GET", "UNMATCHED", 404)).isEqualTo(1);
            assertThat(text).contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/movies/{id}\",status=\"200\",le=");
            assertThat(text).doesNotContain("/no/such/path");
            assertThat(text).contains("catalog_pool_active 3");
            assertThat(server.server.meterRegistry()).isSameAs(registry);
        }
    }

    private static double count(String metrics, String method, String route, int status) {
        Matcher m = Pattern.compile("http_server_requests_seconds_count\\{method=\"" + Pattern.quote(method)
                + "\",route=\"" + Pattern.quote(route) + "\",status=\"" + status + "\"} ([0-9.]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void theApiExplorerIsServedFromTheBundledWebjarWithoutACdn() {
        try (SeededServer server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(1, 1))) {
            ApiClient.Answer page = server.api.get("/docs");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.text()).contains("/openapi.json").doesNotContain("https://", "http://", "//cdn");
            Matcher assets = Pattern.compile("(?:src|href)=\"(/docs/[^\"]+)\"").matcher(page.text());
            int served = 0;
            while (assets.find()) {
                ApiClient.Answer asset = server.api.get(assets.group(1), "Accept-Encoding", "gzip");
                assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
                assertThat(asset.body().length).isGreaterThan(100);
                served++;
            }
            assertThat(served).isGreaterThanOrEqualTo(3);
            ApiClient.Answer bundle = server.api.get("/docs/swagger-ui-bundle.js", "Accept-Encoding", "gzip");
            assertThat(bundle.contentType()).startsWith("text/javascript");
            assertThat(bundle.header("Content-Encoding")).contains("gzip");
            assertThat(bundle.header("Cache-Control")).contains("public, max-age=86400");
        }
    }

    @Test
    void extraRoutesJoinTheRouterWithTheSameRules() {
        CatalogHttpConfig[] seen = new CatalogHttpConfig[1];
        try (SeededServer server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(1, 1), config -> {
            seen[0] = config;
            config.routes(routes -> routes
                    .get("/tasks", request -> ApiResponse.json(List.of(Map.of("task", "import-shows"))))
                    .post("/tasks/{name}/run", request -> {
                        if (!request.header("Authorization").orElse("").equals("Bearer secret")) {
                            throw ApiProblem.of(401, "a valid token is required");
                        }
                        return ApiResponse.json(202, Map.of("task", request.pathParameter("name"), "accepted", true));
                    }));
        })) {
            ApiClient api = server.api;
            assertThat(api.get("/tasks").json().get(0).get("task").asText()).isEqualTo("import-shows");
            assertThat(api.get("/tasks/").header("ETag")).isPresent();

            ApiClient.Answer refused = api.send("POST", "/tasks/import-shows/run");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");

            ApiClient.Answer accepted = api.send("POST", "/tasks/import-shows/run", "Authorization", "Bearer secret");
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.json().get("task").asText()).isEqualTo("import-shows");
            assertThat(accepted.header("Cache-Control")).contains("no-store");
            assertThat(accepted.header("ETag")).isEmpty();

            ApiClient.Answer wrongMethod = api.get("/tasks/import-shows/run");
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.header("Allow")).contains("POST, OPTIONS");
        }
    }

    @Test
    void anExtraRouteThatClashesWithTheCatalogsFailsAtCreation() {
        try (var db = TestDatabases.sqlite(dir)) {
            var store = db.open();
            assertThatThrownBy(() -> CatalogHttpServer.create(store.ports().queries(), config -> config.port(0)
                    .routes(routes -> routes.get("/movies/{movieId}", request -> ApiResponse.json(List.of())))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("clashes with GET /movies/{id}");
            assertThatThrownBy(() -> CatalogHttpServer.create(store.ports().queries(), config -> config.port(-5)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        }
    }

    @Test
    void stopLetsRequestsInFlightFinishAndIsSafeToRepeat() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (SeededServer server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(1, 1),
                config -> config.routes(routes -> routes.get("/slow", request -> {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ApiResponse.json(Map.of("done", true));
                })))) {
            assertThat(server.server.port()).isPositive();
            CompletableFuture<ApiClient.Answer> inFlight = CompletableFuture.supplyAsync(() -> server.api.get("/slow"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server.server::stop);
            release.countDown();
            stopping.get(15, TimeUnit.SECONDS);

            assertThat(inFlight.get(15, TimeUnit.SECONDS).status()).isEqualTo(200);
            server.server.stop();
            assertThatThrownBy(server.server::start).isInstanceOf(IllegalStateException.class);
        }
    }
}
