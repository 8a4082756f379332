package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing on a real listener: the matched handler runs, and the router answers 404, 405 and OPTIONS. */
class ApiRoutingHandlerIT {

    private final Router router = new Router();

    private HandlerServer serving() {
        // The rendering step is replaced by one that shows what routing attached.
        ApiResponseHandler rendering = new ApiResponseHandler(CatalogHttpServer.objectMapper(), "no-cache",
                (exchange, representation) -> ResponseSender.send(exchange, 200, representation.body()),
                (exchange, representation) -> ResponseSender.send(exchange, 200, representation.body()));
        return HandlerServer.serving(new CorsHandler(new WorkerDispatchHandler(new ProblemHandler(
                new ProblemWriter(CatalogHttpServer.objectMapper()), new RequestTargetHandler(8192,
                new ApiRoutingHandler(router, exchange -> {
                    exchange.getResponseHeaders().put(ResponseHeaders.LINK, exchange.getAttachment(ApiRoutingHandler.ROUTE));
                    rendering.handleRequest(exchange);
                }))))));
    }

    @Test
    void theMatchedRoutesHandlerAnswersWithItsPathParameters() {
        router.get("/movies/{id}", request -> ApiResponse.json(Map.of("id", request.idParameter("id"))));
        try (HandlerServer server = serving()) {
            ApiClient.Answer answer = server.api.get("/movies/42");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("id").asLong()).isEqualTo(42);
            assertThat(answer.header("Link")).contains("/movies/{id}");
        }
    }

    @Test
    void aWriteRouteOnTheSamePathReadsTheRequestBody() {
        router.get("/movies/{id}", request -> ApiResponse.json(Map.of()))
                .patch("/movies/{id}", request -> ApiResponse.json(
                        Map.of("got", new String(request.body(), StandardCharsets.UTF_8))))
                .delete("/movies/{id}", request -> ApiResponse.json(Map.of("deleted", request.idParameter("id"))));
        try (HandlerServer server = serving()) {
            ApiClient.Answer patched = server.api.send("PATCH", "/movies/7");
            ApiClient.Answer deleted = server.api.send("DELETE", "/movies/7");

            assertThat(patched.json().get("got").asText()).isEqualTo("{}");
            assertThat(patched.header("Cache-Control")).contains("no-store");
            assertThat(patched.header("ETag")).isEmpty();
            assertThat(deleted.json().get("deleted").asLong()).isEqualTo(7);
            assertThat(server.api.send("OPTIONS", "/movies/7").header("Allow"))
                    .contains("GET, HEAD, PATCH, DELETE, OPTIONS");
        }
    }

    @Test
    void anUnknownPathIs404AndAnotherMethodIs405WithAllow() {
        router.get("/movies/{id}", request -> ApiResponse.json(Map.of()));
        try (HandlerServer server = serving()) {
            ApiClient.Answer missing = server.api.get("/films/1");
            ApiClient.Answer wrongMethod = server.api.send("PUT", "/movies/1");

            assertThat(missing.status()).isEqualTo(404);
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.header("Allow")).contains("GET, HEAD, OPTIONS");
            assertThat(wrongMethod.json().get("detail").asText()).contains("'PUT'");
        }
    }

    @Test
    void optionsIsAnsweredForEveryKnownPathWithThePreflightHeaders() {
        router.get("/movies/{id}", request -> ApiResponse.json(Map.of()));
        try (HandlerServer server = serving()) {
            ApiClient.Answer options = server.api.send("OPTIONS", "/movies/1");

            assertThat(options.status()).isEqualTo(204);
            assertThat(options.header("Allow")).contains("GET, HEAD, OPTIONS");
            assertThat(options.header("Access-Control-Allow-Methods")).contains("GET, HEAD, OPTIONS");
        }
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        router.post("/movies", request -> ApiResponse.json(Map.of("length", request.body().length)));
        try (HandlerServer server = serving()) {
            assertThat(post(server, 2).statusCode()).isEqualTo(200);
            assertThat(post(server, ExchangeRequest.MAX_BODY_BYTES).body()).contains("\"length\":" + ExchangeRequest.MAX_BODY_BYTES);

            HttpResponse<String> tooBig = post(server, ExchangeRequest.MAX_BODY_BYTES + 1);
            assertThat(tooBig.statusCode()).isEqualTo(413);
            assertThat(tooBig.body()).contains("larger than");
        }
    }

    @Test
    void theClientHearsThe413EvenWhileItIsStillSendingItsBody() throws Exception {
        // Answering and closing before the body was read made the client's connection reset, so now and then
        // it saw "header parser received no bytes" instead of the 413: the server reads the rest and drops it.
        router.post("/movies", request -> ApiResponse.json(Map.of("length", request.body().length)));
        try (HandlerServer server = serving()) {
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> tooBig = post(server, 4 * ExchangeRequest.MAX_BODY_BYTES);
                assertThat(tooBig.statusCode()).as("attempt %d", i).isEqualTo(413);
                assertThat(tooBig.body()).contains("larger than");
            }
        }
    }

    private static HttpResponse<String> post(HandlerServer server, int bytes) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(server.api.base().resolve("/movies"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
