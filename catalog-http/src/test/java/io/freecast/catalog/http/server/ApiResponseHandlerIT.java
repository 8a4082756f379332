package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering a handler's answer, and which way it goes on: cacheable read, other read, or sent as it is. */
class ApiResponseHandlerIT {

    private static HandlerServer serving(ApiResponse response) {
        RepresentationHandler cacheable = (exchange, representation) -> ResponseSender.send(exchange, 200,
                ("cacheable " + representation.etag()).getBytes(StandardCharsets.UTF_8));
        RepresentationHandler read = (exchange, representation) -> ResponseSender.send(exchange, 200,
                ("read " + new String(representation.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        ApiResponseHandler rendering = new ApiResponseHandler(CatalogHttpServer.objectMapper(), "public, max-age=60",
                cacheable, read);
        return HandlerServer.serving(new WorkerDispatchHandler(exchange -> {
            exchange.putAttachment(ApiRoutingHandler.RESPONSE, response);
            rendering.handleRequest(exchange);
        }));
    }

    @Test
    void publicCatalogDataIsWrittenAsSnakeCaseJsonAndGoesToTheCacheableSteps() {
        record Item(long id, String releaseDate) {
        }
        try (HandlerServer server = serving(ApiResponse.json(List.of(new Item(1, "2020-01-01")))
                .header("X-Total-Count", "1"))) {
            ApiClient.Answer answer = server.api.get("/movies/");

            assertThat(answer.text()).isEqualTo("cacheable " + ETags.of(
                    "[{\"id\":1,\"release_date\":\"2020-01-01\"}]".getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.contentType()).isEqualTo("application/json");
            assertThat(answer.header("Cache-Control")).contains("public, max-age=60");
            assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(answer.header("X-Total-Count")).contains("1");
        }
    }

    @Test
    void longLivedFilesGoToTheOtherReadSteps() {
        try (HandlerServer server = serving(ApiResponse.bytes("abc".getBytes(StandardCharsets.UTF_8), "text/css")
                .caching(ApiResponse.Caching.LONG))) {
            ApiClient.Answer answer = server.api.get("/docs/x.css");

            assertThat(answer.text()).isEqualTo("read abc");
            assertThat(answer.header("Cache-Control")).contains("public, max-age=86400");
        }
    }

    @Test
    void noStoreAndOtherStatusesAreSentAsTheyAreWithoutATag() {
        try (HandlerServer server = serving(ApiResponse.json(503, Map.of("status", "down"))
                .caching(ApiResponse.Caching.NO_STORE))) {
            ApiClient.Answer answer = server.api.get("/health");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.text()).isEqualTo("{\"status\":\"down\"}");
            assertThat(answer.header("Cache-Control")).contains("no-store");
            assertThat(answer.header("ETag")).isEmpty();
        }
    }

    @Test
    void aWritesAnswerIsNeverStored() {
        try (HandlerServer server = serving(ApiResponse.json(202, Map.of("status", "started")))) {
            ApiClient.Answer answer = server.api.send("POST", "/tasks/import-shows/runs");

            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.header("Cache-Control")).contains("no-store");
            assertThat(answer.header("ETag")).isEmpty();
        }
    }
}
