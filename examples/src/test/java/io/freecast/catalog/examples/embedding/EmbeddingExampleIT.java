package io.freecast.catalog.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.examples.EmbeddingExample;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the embedding example as an embedder would, and checks each of its steps did what it says. */
class EmbeddingExampleIT {

    @TempDir
    Path dir;

    @Test
    void theLibraryBuildsRunsQueriesServesAndSchedules() throws Exception {
        Path database = dir.resolve("embedded.db");
        try (EmbeddingExample.Running running = EmbeddingExample.start(database, 0)) {
            assertThat(database).exists();
            assertThat(running.firstImport().succeeded()).as("%s", running.firstImport()).isTrue();
            assertThat(running.firstImport().count("created")).isPositive();
            assertThat(running.firstMovies().items()).isNotEmpty();

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> movies = http.send(HttpRequest.newBuilder(
                    running.server().baseUri().resolve("/movies/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(movies.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(movies.body())).isNotEmpty();

            // The scheduler imports the shows at start-up; the catalog shows its plans.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (running.catalog().tasks().getTask(TaskName.IMPORT_SHOWS).lastResult().isEmpty()) {
                assertThat(System.nanoTime()).as("import-shows ran at start-up").isLessThan(end);
                Thread.sleep(20);
            }
            assertThat(running.catalog().tasks().getTask(TaskName.IMPORT_SHOWS).lastResult())
                    .contains(TaskStatus.SUCCEEDED);
            HttpResponse<String> tasks = http.send(HttpRequest.newBuilder(
                    running.server().baseUri().resolve("/tasks")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode list = new ObjectMapper().readTree(tasks.body());
            assertThat(list.get(0).get("schedule").asText()).isEqualTo("startup+24h");
            assertThat(list.get(1).get("schedule").asText()).isEqualTo("24h");
            assertThat(list.get(1).get("next_run").asText()).endsWith("T00:00:00Z");
            assertThat(list.get(2).get("schedule").asText()).isEqualTo("off");
        }
    }
}
