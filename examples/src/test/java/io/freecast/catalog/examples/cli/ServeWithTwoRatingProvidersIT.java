package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.examples.testing.LoopbackFeedServer;
import io.freecast.catalog.examples.testing.ServeProcess;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog serve --provider omdb,kinopoisk} as a real process, with two fake ratings APIs on loopback:
 * each provider runs as the task of the field it is the source of, on its own schedule, with its own key
 * (one from the environment, one from a file, neither on the command line), and together they fill both
 * {@code imdb_rating} (omdb's answer winning over kinopoisk's mirror) and {@code kinopoisk_rating}.
 */
class ServeWithTwoRatingProvidersIT {

    private static final String TOKEN = "serve-test-token-0123456789abcdef";
    private static final String OMDB_KEY = "omdb-key-planted-4711";
    private static final String KINOPOISK_KEY = "kinopoisk-key-planted-0815";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> omdbKeys = new CopyOnWriteArrayList<>();
    private final List<String> kinopoiskKeys = new CopyOnWriteArrayList<>();

    @Test
    void twoProvidersEachOnItsOwnTaskFillBothRatingFields() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("kinopoisk.key"), KINOPOISK_KEY + "\n");
        try (LoopbackFeedServer feed = new LoopbackFeedServer().serve("/movies.json", 200, "application/json",
                     "[{\"id\": 1, \"title\": \"Copper Valley\"}, {\"id\": 2, \"title\": \"Nobody Knows\"}]");
             LoopbackFeedServer omdb = new LoopbackFeedServer().serve("/", exchange -> {
                 Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                 omdbKeys.add(query.getOrDefault("apikey", ""));
                 String body = "Copper Valley".equals(query.get("t"))
                         ? "{\"Response\":\"True\",\"Title\":\"Copper Valley\",\"imdbRating\":\"7.4\"}"
                         : "{\"Response\":\"False\",\"Error\":\"Movie not found!\"}";
                 LoopbackFeedServer.respond(exchange, 200, "application/json", body);
             });
             LoopbackFeedServer kinopoisk = new LoopbackFeedServer().serve("/v1.4/movie/search", exchange -> {
                 kinopoiskKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-API-KEY")));
                 String title = query(exchange.getRequestURI().getRawQuery()).get("query");
                 String body = "Copper Valley".equals(title)
                         ? "{\"docs\":[{\"name\":\"Copper Valley\",\"type\":\"movie\",\"rating\":{\"kp\":7.3,\"imdb\":5.5}}]}"
                         : "{\"docs\":[]}";
                 LoopbackFeedServer.respond(exchange, 200, "application/json", body);
             });
             ServeProcess serve = startServe(Map.of("CATALOG_OMDB_API_KEY", OMDB_KEY,
                             "CATALOG_KINOPOISK_API_KEY_FILE", keyFile.toString(),
                             "CATALOG_SCHEDULE_UPDATE_KINOPOISK_RATINGS", "12h"),
                     // No response cache: each read below must see the run that just ended, not a 1 s old page.
                     "--response-cache", "0", "--allow-private", "--provider", "omdb,kinopoisk",
                     "--omdb-url", omdb.url(""), "--kinopoisk-url", kinopoisk.url(""),
                     "--omdb-rate-limit", "2", "--kinopoisk-rate-limit", "0",
                     "--movies-feed", feed.url("/movies.json"), "--schedule", "import-shows=off",
                     "--schedule", "validate-sources=off", "--schedule", "update-imdb-ratings=6h")) {
            URI base = serve.base();
            assertThat(serve.process().info().commandLine().orElse(""))
                    .as("no key in the process list").doesNotContain(OMDB_KEY).doesNotContain(KINOPOISK_KEY);

            awaitJson(base, "/tasks/import-movies", task -> "succeeded".equals(task.path("last_result").asText()));
            assertThat(get(base, "/tasks/update-ratings").get("schedule").asText())
                    .as("several providers: each runs as its field's task").isEqualTo("off");
            assertThat(get(base, "/tasks/update-imdb-ratings").get("schedule").asText()).isEqualTo("6h");
            assertThat(get(base, "/tasks/update-kinopoisk-ratings").get("schedule").asText()).isEqualTo("12h");

            // kinopoisk first: it fills kinopoisk_rating and, mirroring IMDb, the unknown imdb_rating.
            JsonNode kinopoiskRun = runToEnd(base, "/tasks/update-kinopoisk-ratings/runs");
            assertThat(kinopoiskRun.path("counts").path("checked").asLong()).isEqualTo(2);
            JsonNode mirrored = movie(base, "Copper Valley");
            assertThat(mirrored.get("kinopoisk_rating").asDouble()).isEqualTo(7.3);
            assertThat(mirrored.get("imdb_rating").asDouble()).isEqualTo(5.5);

            // omdb right after: its own staleness, so it asks every title; as imdb_rating's source it wins.
            JsonNode imdbRun = runToEnd(base, "/tasks/update-imdb-ratings/runs");
            assertThat(imdbRun.path("counts").path("checked").asLong()).as(imdbRun.toString()).isEqualTo(2);
            JsonNode rated = movie(base, "Copper Valley");
            assertThat(rated.get("imdb_rating").asDouble()).isEqualTo(7.4);
            assertThat(rated.get("kinopoisk_rating").asDouble()).isEqualTo(7.3);
            assertThat(movie(base, "Nobody Knows").get("imdb_rating").isNull()).as("unknown stays unknown").isTrue();
            assertThat(get(base, "/tasks/update-imdb-ratings/runs").toString()).doesNotContain(OMDB_KEY);
            assertThat(omdbKeys).hasSize(2).containsOnly(OMDB_KEY);
            assertThat(kinopoiskKeys).hasSize(2).containsOnly(KINOPOISK_KEY);

            serve.terminate();
            assertThat(serve.output()).doesNotContain(OMDB_KEY).doesNotContain(KINOPOISK_KEY);
        }
    }

    /** Starts a run with the token and waits for it (the run the 202's Location names) to succeed. */
    private JsonNode runToEnd(URI base, String runs) throws Exception {
        HttpResponse<String> started = post(base, runs);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        return awaitJson(base, location, run -> !"running".equals(run.path("status").asText()));
    }

    private JsonNode movie(URI base, String title) throws Exception {
        for (JsonNode movie : get(base, "/movies/")) {
            if (title.equals(movie.path("title").asText())) {
                return movie;
            }
        }
        throw new AssertionError("no movie " + title);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new java.util.HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** {@code serve} with the admin token, as an operator would start it. */
    private ServeProcess startServe(Map<String, String> environment, String... arguments) throws Exception {
        Map<String, String> withToken = new HashMap<>(environment);
        withToken.put("CATALOG_ADMIN_TOKEN", TOKEN);
        return ServeProcess.start(dir, withToken, arguments);
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
