package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every CORS header comes from {@link CorsHandler}, whatever answers the request. */
class CorsHandlerIT {

    @Test
    void everyResponseLetsAnyOriginReadItAndSeeThePagingCachingAndWriteHeaders() {
        try (HandlerServer server = HandlerServer.serving(new CorsHandler(HandlerServer.text("ok")))) {
            ApiClient.Answer answer = server.api.get("/anything");

            assertThat(answer.header("Access-Control-Allow-Origin")).contains("*");
            assertThat(answer.header("Access-Control-Expose-Headers")).contains("Link, X-Total-Count, ETag, Location, Retry-After");
            assertThat(answer.header("Access-Control-Allow-Methods")).isEmpty();
        }
    }

    @Test
    void problemsCarryTheHeadersToo() {
        ProblemWriter problems = new ProblemWriter(CatalogHttpServer.objectMapper());
        try (HandlerServer server = HandlerServer.serving(new CorsHandler(
                exchange -> problems.send(exchange, 404, "nothing here", null)))) {
            ApiClient.Answer answer = server.api.get("/missing");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.header("Access-Control-Allow-Origin")).contains("*");
        }
    }

    @Test
    void aPreflightAllowsExactlyTheMethodsTheRouterAllows() {
        try (HandlerServer server = HandlerServer.serving(new CorsHandler(exchange -> {
            exchange.getResponseHeaders().put(ApiRoutingHandler.ALLOW, "GET, HEAD, PATCH, OPTIONS");
            ResponseSender.sendEmpty(exchange, 204);
        }))) {
            ApiClient.Answer answer = server.api.send("OPTIONS", "/movies/1");

            assertThat(answer.status()).isEqualTo(204);
            assertThat(answer.header("Access-Control-Allow-Methods")).contains("GET, HEAD, PATCH, OPTIONS");
            assertThat(answer.header("Access-Control-Allow-Headers")).hasValueSatisfying(allowed ->
                    assertThat(allowed).contains("If-None-Match", "If-Match", "Authorization", "Content-Type"));
        }
    }

    @Test
    void anOptionsRequestForAnUnknownPathIsNoPreflight() {
        ProblemWriter problems = new ProblemWriter(CatalogHttpServer.objectMapper());
        try (HandlerServer server = HandlerServer.serving(new CorsHandler(
                exchange -> problems.send(exchange, 404, "nothing here", null)))) {
            ApiClient.Answer answer = server.api.send("OPTIONS", "/missing");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.header("Access-Control-Allow-Methods")).isEmpty();
        }
    }
}
