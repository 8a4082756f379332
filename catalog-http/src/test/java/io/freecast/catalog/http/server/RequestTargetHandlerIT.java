package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.server.HttpHandler;
import org.junit.jupiter.api.Test;

class RequestTargetHandlerIT {

    private static HandlerServer serving(int maxLength) {
        HttpHandler describe = HandlerServer.describing(exchange -> {
            RequestTarget target = exchange.getAttachment(RequestTargetHandler.TARGET);
            return target.segments() + " q=" + target.single("q").orElse("-");
        });
        return HandlerServer.serving(new WorkerDispatchHandler(new ProblemHandler(
                new ProblemWriter(CatalogHttpServer.objectMapper()), new RequestTargetHandler(maxLength, describe))));
    }

    @Test
    void theDecodedTargetIsAttachedForTheHandlersAfterIt() {
        try (HandlerServer server = serving(8192)) {
            assertThat(server.api.get("/shows/a%2Fb/episodes/?q=caf%C3%A9").text())
                    .isEqualTo("[shows, a/b, episodes] q=café");
        }
    }

    @Test
    void aTargetOverTheLimitIs414() {
        try (HandlerServer server = serving(256)) {
            ApiClient.Answer answer = server.api.get("/movies/?q=" + "x".repeat(300));

            assertThat(answer.status()).isEqualTo(414);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void pathParametersAndBadEscapesAre400() {
        try (HandlerServer server = serving(8192)) {
            assertThat(server.api.raw("GET", "/shows/1;x/seasons").status()).isEqualTo(400);
            assertThat(server.api.raw("GET", "/shows/%zz").status()).isEqualTo(400);
            assertThat(server.api.raw("GET", "/shows/%00").status()).isEqualTo(400);
        }
    }
}
