package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The last steps of every successful read: {@link ConditionalGetHandler} (ETag, 304), then {@link GzipHandler}. */
class ConditionalGetAndGzipHandlerIT {

    private static final byte[] BIG = "[\"a catalog page\"],".repeat(200).getBytes(StandardCharsets.UTF_8);
    private static final byte[] SMALL = "[1,2,3]".getBytes(StandardCharsets.UTF_8);

    private static HandlerServer serving(Representation representation) {
        RepresentationHandler steps = new ConditionalGetHandler(new GzipHandler());
        return HandlerServer.serving(exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            steps.handle(exchange, representation);
        });
    }

    @Test
    void aReadCarriesItsStrongTagAndVariesByEncoding() {
        try (HandlerServer server = serving(Representation.Rendered.of(SMALL))) {
            ApiClient.Answer answer = server.api.get("/x");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("ETag")).contains(ETags.of(SMALL));
            assertThat(answer.header("Vary")).contains("Accept-Encoding");
            assertThat(answer.body()).isEqualTo(SMALL);
        }
    }

    @Test
    void aCurrentCopyGetsA304WithoutBodyOrContentType() {
        try (HandlerServer server = serving(Representation.Rendered.of(SMALL))) {
            ApiClient.Answer answer = server.api.get("/x", "If-None-Match", "\"other\", " + ETags.of(SMALL));

            assertThat(answer.status()).isEqualTo(304);
            assertThat(answer.rawBody()).isEmpty();
            assertThat(answer.header("Content-Type")).isEmpty();
            assertThat(answer.header("ETag")).contains(ETags.of(SMALL));
            assertThat(answer.header("Vary")).contains("Accept-Encoding");
            assertThat(server.api.get("/x", "If-None-Match", "\"other\"").status()).isEqualTo(200);
        }
    }

    @Test
    void aBigBodyIsGzippedForAClientThatAcceptsItWithItsOwnTag() {
        try (HandlerServer server = serving(Representation.Rendered.of(BIG))) {
            ApiClient.Answer gzipped = server.api.get("/x", "Accept-Encoding", "gzip");
            ApiClient.Answer plain = server.api.get("/x", "Accept-Encoding", "gzip;q=0");

            assertThat(gzipped.header("Content-Encoding")).contains("gzip");
            assertThat(gzipped.body()).isEqualTo(BIG);
            assertThat(gzipped.rawBody().length).isLessThan(BIG.length / 3);
            assertThat(gzipped.header("ETag")).contains(ETags.gzipped(ETags.of(BIG)));
            assertThat(plain.header("Content-Encoding")).isEmpty();
            assertThat(plain.header("ETag")).contains(ETags.of(BIG));
            assertThat(server.api.get("/x", "Accept-Encoding", "gzip", "If-None-Match", plain.header("ETag").orElseThrow())
                    .status()).isEqualTo(304);
        }
    }

    @Test
    void aSmallBodyIsNotWorthCompressing() {
        try (HandlerServer server = serving(Representation.Rendered.of(SMALL))) {
            assertThat(server.api.get("/x", "Accept-Encoding", "gzip").header("Content-Encoding")).isEmpty();
        }
    }

    @Test
    void aGzipFormComputedBeforeIsSentAsItIs() {
        byte[] precomputed = Compression.gzip(BIG);
        try (HandlerServer server = serving(new StaticFile(BIG, precomputed, ETags.of(BIG), "application/json"))) {
            assertThat(server.api.get("/x", "Accept-Encoding", "gzip").rawBody()).isEqualTo(precomputed);
        }
    }

    @Test
    void headGetsTheHeadersWithoutTheBody() {
        try (HandlerServer server = serving(Representation.Rendered.of(SMALL))) {
            ApiClient.Answer head = server.api.raw("HEAD", "/x");

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).contains(Integer.toString(SMALL.length));
            assertThat(head.body()).isEmpty();
        }
    }
}
