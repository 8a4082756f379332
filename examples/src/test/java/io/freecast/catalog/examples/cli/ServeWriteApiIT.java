package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.testing.ServeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog serve} as a process serves the write API: the bootstrap token from
 * {@code CATALOG_ADMIN_TOKEN} writes (conditionally), and {@code CATALOG_PRIVATE_READS=true} puts every
 * catalog read behind a token while {@code /health} stays open.
 */
class ServeWriteApiIT {

    private static final String TOKEN = "serve-write-api-test-token-0123456789";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theBootstrapTokenWritesAndPrivateReadsNeedAToken() throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir,
                Map.of("CATALOG_ADMIN_TOKEN", TOKEN, "CATALOG_PRIVATE_READS", "true"),
                "--db", dir.resolve("catalog.db").toString(), "--no-scheduler")) {
            URI base = serve.base();

            assertThat(send(base, "GET", "/health", null).statusCode()).isEqualTo(200);
            assertThat(send(base, "GET", "/movies/", null).statusCode()).isEqualTo(401);
            assertThat(send(base, "GET", "/movies/", TOKEN).statusCode()).isEqualTo(200);

            HttpResponse<String> created = send(base, "POST", "/movies/", TOKEN, "{\"title\":\"By the launcher\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            String etag = send(base, "GET", location, TOKEN).headers().firstValue("ETag").orElseThrow();
            assertThat(send(base, "PATCH", location, TOKEN, "{\"title\":\"Renamed\"}").statusCode()).isEqualTo(428);
            HttpResponse<String> changed = send(base, "PATCH", location, TOKEN, "{\"title\":\"Renamed\"}", "If-Match", etag);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(send(base, "GET", location, TOKEN).body()).contains("\"title\":\"Renamed\"");
            serve.terminate();
            assertThat(serve.output()).doesNotContain(TOKEN);
        }
    }

    private HttpResponse<String> send(URI base, String method, String path, String token, String... bodyAndHeaders)
            throws IOException, InterruptedException {
        String body = bodyAndHeaders.length > 0 ? bodyAndHeaders[0] : null;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 1; i + 1 < bodyAndHeaders.length; i += 2) {
            request.header(bodyAndHeaders[i], bodyAndHeaders[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
