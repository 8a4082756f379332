package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.examples.testing.CatalogTables;
import io.freecast.catalog.examples.testing.FeedGenerator;
import io.freecast.catalog.examples.testing.LoopbackFeedServer;
import io.freecast.catalog.examples.testing.ServeProcess;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog serve} with its scheduler, as a real process in an empty directory: the start-up imports
 * fill the catalog, {@code /tasks} shows the schedules and runs, the admin token guards triggers, and
 * SIGTERM stops it all. Validation stays off here: it would reach the sample feeds' hosts on the
 * internet, and tests speak to loopback only.
 */
class ServeWithSchedulerIT {

    private static final String TOKEN = "serve-test-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code serve} with the admin token, as an operator would start it. */
    private ServeProcess startServe(Map<String, String> environment, String... arguments) throws Exception {
        Map<String, String> withToken = new HashMap<>(environment);
        withToken.put("CATALOG_ADMIN_TOKEN", TOKEN);
        return ServeProcess.start(dir, withToken, arguments);
    }

    @Test
    void serveImportsAtStartupShowsItsTasksAndGuardsTriggersWithTheToken() throws Exception {
        try (ServeProcess serve = startServe(Map.of("CATALOG_SCHEDULE_IMPORT_MOVIES", "startup+12h"),
                "--node-name", "serve-test", "--schedule", "validate-sources=off")) {
            URI base = serve.base();
            assertThat(dir.resolve("catalog.db")).exists();

            // The start-up imports fill an empty catalog from the bundled feeds.
            JsonNode movies = awaitJson(base, "/movies/", body -> !body.isEmpty());
            assertThat(movies.size()).isPositive();
            awaitJson(base, "/shows/", body -> !body.isEmpty());

            JsonNode importMovies = awaitJson(base, "/tasks/import-movies",
                    task -> "succeeded".equals(task.path("last_result").asText()));
            assertThat(importMovies.get("schedule").asText()).isEqualTo("startup+12h");
            assertThat(importMovies.get("next_run").asText()).matches(".*T(00|12):00:00Z");
            assertThat(importMovies.get("last_finished_run").get("node").asText()).isEqualTo("serve-test");

            JsonNode tasks = get(base, "/tasks");
            assertThat(tasks.get(0).get("schedule").asText()).isEqualTo("startup+24h");
            assertThat(tasks.get(2).get("schedule").asText()).as("no rating provider: not scheduled").isEqualTo("off");
            assertThat(tasks.get(3).get("schedule").asText()).isEqualTo("off");
            assertThat(tasks.get(2).get("next_run").isNull()).isTrue();

            // Triggers: refused without the token, accepted with it.
            assertThat(post(base, "/tasks/import-movies/runs", null).statusCode()).isEqualTo(401);
            assertThat(post(base, "/tasks/import-movies/runs", "not-the-token").statusCode()).isEqualTo(401);
            HttpResponse<String> started = post(base, "/tasks/import-movies/runs", TOKEN);
            assertThat(started.statusCode()).isEqualTo(202);
            assertThat(started.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).matches("/tasks/import-movies/runs/\\d+"));
            awaitJson(base, "/tasks/import-movies/runs", runs -> runs.size() == 2
                    && "succeeded".equals(runs.get(0).path("status").asText()));

            serve.terminate();
            assertThat(serve.output()).contains("scheduler stopped").contains("catalog API stopped")
                    .as("logging set up before anything logs").doesNotContain("SLF4J");
        }
    }

    @Test
    void scheduledImportsReadFeedsNoLargerThanMaxFeedSizeSetInTheEnvironment() throws Exception {
        Path feed = FeedGenerator.movies(dir.resolve("movies-2000.json"), 2_000);
        try (ServeProcess serve = startServe(Map.of("CATALOG_MAX_FEED_SIZE", "64KiB"), "--movies-feed", feed.toString(),
                "--schedule", "import-shows=off", "--schedule", "validate-sources=off")) {
            URI base = serve.base();

            JsonNode importMovies = awaitJson(base, "/tasks/import-movies",
                    task -> "failed".equals(task.path("last_result").asText()));
            assertThat(importMovies.toString()).contains("the feed is larger than the limit of 64 KiB (after ");
            assertThat(get(base, "/movies/")).isEmpty();

            serve.terminate();
        }
    }

    @Test
    void sigtermLetsARunStartedOverHttpFinishBeforeTheDatabaseCloses() throws Exception {
        CountDownLatch feedRequested = new CountDownLatch(1);
        String items = "[{\"id\": 1, \"title\": \"Slow One\"}, {\"id\": 2, \"title\": \"Slow Two\"}]";
        try (LoopbackFeedServer feed = new LoopbackFeedServer().serve("/movies.json", exchange -> {
                 feedRequested.countDown();
                 exchange.getResponseHeaders().set("Content-Type", "application/json");
                 exchange.sendResponseHeaders(200, 0);
                 try (OutputStream body = exchange.getResponseBody()) {
                     body.write('[');
                     body.flush();
                     sleep(1_500); // SIGTERM arrives while the import reads this feed
                     body.write(items.substring(1).getBytes(StandardCharsets.UTF_8));
                 }
             });
             ServeProcess serve = startServe(Map.of(), "--allow-private", "--movies-feed", feed.url("/movies.json"),
                     "--schedule", "import-shows=off", "--schedule", "import-movies=off",
                     "--schedule", "validate-sources=off")) {
            assertThat(post(serve.base(), "/tasks/import-movies/runs", TOKEN).statusCode()).isEqualTo(202);
            assertThat(feedRequested.await(30, TimeUnit.SECONDS)).isTrue();

            serve.terminate();

            assertThat(serve.output()).contains("catalog API stopped");
            String url = "jdbc:sqlite:" + dir.resolve("catalog.db");
            assertThat(CatalogTables.count(url, "movie")).as(serve.output()).isEqualTo(2);
            assertThat(runStatuses(url)).containsExactly("succeeded");
        }
    }

    private static List<String> runStatuses(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.createStatement().executeQuery("select status from task_run")) {
            List<String> statuses = new ArrayList<>();
            while (rows.next()) {
                statuses.add(rows.getString(1));
            }
            return statuses;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode get(URI base, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(URI base, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitJson(URI base, String path, Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            JsonNode body = get(base, path);
            if (done.test(body)) {
                return body;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(path + " never became what the test waits for: " + body);
            }
            Thread.sleep(50);
        }
    }
}
