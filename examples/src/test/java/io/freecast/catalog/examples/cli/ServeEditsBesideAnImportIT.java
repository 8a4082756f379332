package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.examples.testing.FeedGenerator;
import io.freecast.catalog.examples.testing.LauncherProcess;
import io.freecast.catalog.examples.testing.LoopbackFeedServer;
import io.freecast.catalog.examples.testing.ServeProcess;
import io.freecast.catalog.examples.testing.StallingMovieFeed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog serve} on SQLite as a real process, while its scheduled import holds the database's one writer
 * (the feed stalls half-way, as a slow feed of a million titles keeps an import's transaction open for minutes):
 * reads go on, and a person's edit over the API is answered within seconds with a 503 and {@code Retry-After}
 * saying the database is busy with an import — instead of hanging until the import commits (past the client's
 * patience) and being applied after the client gave up; a sign-in to the web admin (which records the sign-in
 * and audits it) likewise gets the admin's 503 page, and a task triggered over HTTP a 503 (its lease is a write).
 * Once the import has committed, the edit and the sign-in go through.
 */
class ServeEditsBesideAnImportIT {

    private static final String TOKEN = "serve-edits-beside-an-import-token-0123456789";
    private static final String PASSWORD = "a long enough password for ada";
    private static final int IN_CATALOG = 200;
    private static final int SENT_BEFORE_STALL = 3_000;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anEditDuringAnImportIsRefusedSoonAndWritesNothingThenGoesThroughAfterIt() throws Exception {
        String db = dir.resolve("catalog.db").toString();
        Path first = FeedGenerator.movies(dir.resolve("movies.json"), IN_CATALOG);
        CliRun imported = CliRun.of("import-movies", "--db", db, "--feed", first.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        LauncherProcess add = LauncherProcess.start(dir, Map.of(), "users", "add", "ada", "--role", "editor", "--db", db);
        try (OutputStream stdin = add.process().getOutputStream()) {
            stdin.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(add.waitFor()).as(add.err()).isZero();

        StallingMovieFeed stalling = new StallingMovieFeed(SENT_BEFORE_STALL, SENT_BEFORE_STALL);
        try (LoopbackFeedServer feed = new LoopbackFeedServer().serve("/movies.json", stalling);
             ServeProcess serve = ServeProcess.start(dir, Map.of("CATALOG_ADMIN_TOKEN", TOKEN), "--db", db,
                     "--allow-private", "--movies-feed", feed.url("/movies.json"),
                     "--schedule", "import-shows=off", "--schedule", "validate-sources=off")) {
            URI base = serve.base();
            try {
                assertThat(stalling.awaitSent(Duration.ofSeconds(60))).as("the start-up import asked for the feed").isTrue();
                Thread.sleep(2_000); // the import writes the items it has, in its open transaction; not a timing assertion

                HttpResponse<String> read = send(base, "GET", "/movies/1", null);
                assertThat(read.statusCode()).as("reads go on during the import").isEqualTo(200);
                String title = json.readTree(read.body()).get("title").asText();
                String etag = read.headers().firstValue("ETag").orElseThrow();

                HttpResponse<String> refused = send(base, "PATCH", "/movies/1", "{\"title\":\"Fixed by hand\"}",
                        "If-Match", etag);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(json.readTree(refused.body()).get("detail").asText())
                        .startsWith("the SQLite database is busy with a bulk write (an import), for ")
                        .endsWith("; try again in 10 s");
                HttpResponse<String> signIn = signIn(base);
                assertThat(signIn.statusCode()).isEqualTo(503);
                assertThat(signIn.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(signIn.body()).contains("Database busy")
                        .contains("the SQLite database is busy with a bulk write (an import), for ")
                        .contains("Nothing was changed; try again once the other write has finished.");
                HttpResponse<String> trigger = send(base, "POST", "/tasks/validate-sources/runs", "");
                assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(503);
                assertThat(trigger.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(json.readTree(send(base, "GET", "/tasks/import-movies", null).body())
                        .get("running").asBoolean()).as("the import was still running").isTrue();
            } finally {
                stalling.release();
            }

            awaitImportFinished(base);
            HttpResponse<String> after = send(base, "GET", "/movies/1", null);
            assertThat(json.readTree(after.body()).get("title").asText()).as("the refused edit wrote nothing")
                    .isEqualTo(FeedGenerator.movieTitle(0));
            HttpResponse<String> changed = send(base, "PATCH", "/movies/1", "{\"title\":\"Fixed by hand\"}",
                    "If-Match", after.headers().firstValue("ETag").orElseThrow());
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(json.readTree(changed.body()).get("title").asText()).isEqualTo("Fixed by hand");
            assertThat(signIn(base).statusCode()).as("signed in, sent to the admin").isEqualTo(303);
            serve.terminate();
        }
    }

    private void awaitImportFinished(URI base) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode task = json.readTree(send(base, "GET", "/tasks/import-movies", null).body());
            if (!task.get("running").asBoolean() && task.path("last_finished_run").path("status").asText()
                    .equals("succeeded")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    private HttpResponse<String> signIn(URI base) throws IOException, InterruptedException {
        String form = "name=ada&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(base.resolve("/admin/sign-in")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request, with the admin's token unless it is a GET; {@code headers} are name, value pairs. */
    private HttpResponse<String> send(URI base, String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (!method.equals("GET")) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
