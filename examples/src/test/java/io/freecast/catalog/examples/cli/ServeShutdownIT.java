package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.examples.testing.FeedGenerator;
import io.freecast.catalog.examples.testing.LoopbackFeedServer;
import io.freecast.catalog.examples.testing.ServeProcess;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown keeps its word: {@code catalog serve} as a real process, an import of 100,000 movies started over
 * HTTP from a loopback feed that streams them at a bounded pace (so the run is certainly mid-way, writing
 * batches), then SIGTERM. After the {@code --stop-grace} the run is stopped: the process exits within the
 * grace and a small margin, the database holds none of the import's movies (its transaction was rolled
 * back), and the run log says {@code interrupted} with the reason — in task_run, in {@code tasks --json}.
 * On SQLite and on PostgreSQL (a schema of its own; skipped without {@code CATALOG_TEST_POSTGRES_URL}).
 */
class ServeShutdownIT {

    private static final String TOKEN = "shutdown-test-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FEED_SIZE = 100_000;
    private static final int CHUNK = 1_000;
    /** Between two chunks of the feed: 100 chunks take at least 20 s, far longer than the test lets it run. */
    private static final long CHUNK_PAUSE_MS = 200;
    private static final Duration GRACE = Duration.ofSeconds(3);
    /** JVM shutdown, the rollback and the run log write, on a loaded 2-core machine. */
    private static final Duration MARGIN = Duration.ofSeconds(12);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void onSqliteSigtermStopsALongImportAfterTheGraceRollsItBackAndRecordsItAsInterrupted() throws Exception {
        String db = dir.resolve("catalog.db").toString();
        sigtermMidImport(db, "jdbc:sqlite:" + db);
    }

    @Test
    void onPostgresSigtermStopsALongImportAfterTheGraceRollsItBackAndRecordsItAsInterrupted() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            sigtermMidImport(db.url(), db.url());
        }
    }

    private void sigtermMidImport(String dbOption, String jdbcUrl) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        try (LoopbackFeedServer feed = new LoopbackFeedServer().serve("/movies.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody();
                 JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartArray();
                for (int from = 0; from < FEED_SIZE; from += CHUNK) {
                    FeedGenerator.movieItems(json, from, from + CHUNK);
                    json.flush();
                    sent.addAndGet(CHUNK);
                    Thread.sleep(CHUNK_PAUSE_MS);
                }
                json.writeEndArray();
            } catch (IOException | InterruptedException e) {
                // the server went away mid-feed: that is the test
            }
        })) {
            String output;
            try (ServeProcess serve = ServeProcess.start(dir, Map.of("CATALOG_ADMIN_TOKEN", TOKEN),
                    "--db", dbOption, "--allow-private",
                    "--movies-feed", feed.url("/movies.json"), "--stop-grace", GRACE.toSeconds() + "s",
                    "--schedule", "import-shows=off", "--schedule", "import-movies=off",
                    "--schedule", "validate-sources=off")) {
                URI base = serve.base();

                HttpResponse<String> started = post(base, "/tasks/import-movies/runs");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                // Mid-way: several batches read and written inside the open transaction.
                awaitSent(sent, 5 * CHUNK);
                assertThat(get(base, "/tasks/import-movies").path("running").asBoolean()).isTrue();

                long signalled = System.nanoTime();
                serve.signalTerm();
                assertThat(serve.process().waitFor(GRACE.plus(MARGIN).toSeconds(), TimeUnit.SECONDS))
                        .as("exited within the grace and a small margin: %s", serve.output()).isTrue();
                Duration took = Duration.ofNanos(System.nanoTime() - signalled);
                assertThat(took).as("it waited the grace first").isGreaterThanOrEqualTo(GRACE);
                Thread.sleep(200);   // the output's last lines reach the reader
                output = serve.output();
            }
            assertThat(sent.get()).as("the feed was still streaming: the run was stopped, not finished")
                    .isLessThan(FEED_SIZE);

            assertThat(count(jdbcUrl, "SELECT COUNT(*) FROM movie")).as("rolled back: %s", output).isZero();
            assertThat(count(jdbcUrl, "SELECT COUNT(*) FROM source")).isZero();
            try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT status, error, finished_at FROM task_run WHERE task = 'import-movies'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("status")).as(output).isEqualTo("interrupted");
                assertThat(rs.getString("error"))
                        .isEqualTo("stopped by the server's shutdown: the run had not ended within the 3 s grace (--stop-grace)");
                assertThat(rs.getString("finished_at")).isNotNull();
                assertThat(rs.next()).as("one run").isFalse();
            }
            assertThat(output).contains("stopping it").contains("catalog API stopped")
                    .doesNotContain("stopping anyway");

            CliRun tasks = CliRun.of("tasks", "--db", dbOption, "--json");
            assertThat(tasks.exitCode()).as(tasks.err()).isZero();
            JsonNode importMovies = JSON.readTree(tasks.out()).get(1);
            assertThat(importMovies.get("task").asText()).isEqualTo("import-movies");
            assertThat(importMovies.get("running").asBoolean()).isFalse();
            assertThat(importMovies.get("last_result").asText()).isEqualTo("interrupted");
        }
    }

    private static void awaitSent(AtomicInteger sent, int atLeast) throws InterruptedException {
        for (int i = 0; i < 600 && sent.get() < atLeast; i++) {
            Thread.sleep(100);
        }
        assertThat(sent.get()).as("the feed was read").isGreaterThanOrEqualTo(atLeast);
    }

    private static long count(String jdbcUrl, String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private JsonNode get(URI base, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }
}
