package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class RequestMetricsHandlerIT {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsResource metrics = new MetricsResource(registry);

    @Test
    void aRequestIsTimedByMethodRouteTemplateAndStatus() {
        try (HandlerServer server = HandlerServer.serving(new WorkerDispatchHandler(new RequestMetricsHandler(metrics,
                exchange -> {
                    exchange.putAttachment(ApiRoutingHandler.ROUTE, "/movies/{id}");
                    ResponseSender.send(exchange, 200, new byte[] {'x'});
                })))) {
            server.api.get("/movies/1");
            server.api.get("/movies/2");

            assertThat(timer("GET", "/movies/{id}", "200").count()).isEqualTo(2);
        }
    }

    @Test
    void aRequestNoRouteMatchedIsUnmatchedAndAProblemKeepsItsStatus() {
        ProblemWriter problems = new ProblemWriter(CatalogHttpServer.objectMapper());
        try (HandlerServer server = HandlerServer.serving(new WorkerDispatchHandler(new RequestMetricsHandler(metrics,
                exchange -> problems.send(exchange, 404, "no such path", null))))) {
            server.api.send("DELETE", "/nothing/here");

            assertThat(timer("DELETE", MetricsResource.UNMATCHED, "404").count()).isEqualTo(1);
        }
    }

    private Timer timer(String method, String route, String status) {
        return registry.get(MetricsResource.REQUESTS).tag("method", method).tag("route", route).tag("status", status)
                .timer();
    }
}
