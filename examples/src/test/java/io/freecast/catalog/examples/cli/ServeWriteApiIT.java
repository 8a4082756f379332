package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), CatalogCli.class.getName(),
                "serve", "--db", dir.resolve("catalog.db").toString(), "--port", "0", "--no-scheduler"))
                .redirectErrorStream(true);
        builder.environment().put("CATALOG_ADMIN_TOKEN", TOKEN);
        builder.environment().put("CATALOG_PRIVATE_READS", "true");
        Process serve = builder.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern where = Pattern.compile("catalog API on (http://127\\.0\\.0\\.1:\\d+)");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    Matcher m = where.matcher(line);
                    if (m.find()) {
                        listening.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                output.append(e);
            }
            listening.complete(null);
        });
        reader.start();
        try {
            URI base = listening.get(60, TimeUnit.SECONDS);
            assertThat(base).as("serve printed where it listens: %s", output).isNotNull();

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
            assertThat(output.toString()).doesNotContain(TOKEN);
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            serve.destroyForcibly();
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
