package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /tasks} on a real server over a real SQLite catalog. The movies feed is read by a test feed
 * reader that can hold a run open, so "already running" is a real running import.
 */
class TaskResourcesIT {

    private static final String TOKEN = "s3cret-admin-token-for-tests-only";

    @TempDir
    Path dir;

    private TestDatabase database;
    private Catalog catalog;
    private CatalogHttpServer server;
    private ApiClient api;
    private final HoldingFeedReader feeds = new HoldingFeedReader();

    private void start(String adminToken) {
        database = TestDatabases.sqlite(dir);
        JdbcCatalogStore store = database.open();
        catalog = Catalog.builder().storage(store).feedReader(feeds)
                .moviesFeed(FeedLocation.parse("movies.json")).nodeName("test-node").build();
        server = CatalogHttpServer.create(catalog.queries(), config -> config.host("127.0.0.1").port(0)
                .routes(new TaskResources(catalog.tasks(), adminToken)::register)).start();
        api = new ApiClient(server.baseUri());
    }

    @AfterEach
    void stop() {
        feeds.open();
        if (server != null) {
            server.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void withoutAConfiguredTokenEveryTriggerIsForbidden() {
        start(null);

        ApiClient.Answer withToken = api.send("POST", "/tasks/import-movies/runs", "Authorization", "Bearer " + TOKEN);
        ApiClient.Answer without = api.send("POST", "/tasks/import-movies/runs");

        for (ApiClient.Answer answer : new ApiClient.Answer[] {withToken, without}) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText()).contains("no administration token");
        }
        assertThat(catalog.tasks().getTask(TaskName.IMPORT_MOVIES).findLastRun()).isEmpty();
    }

    @Test
    void aBlankConfiguredTokenIsNoToken() {
        start("   ");
        assertThat(api.send("POST", "/tasks/import-movies/runs", "Authorization", "Bearer    ").status()).isEqualTo(403);
    }

    @Test
    void aMissingOrWrongTokenIsUnauthorizedWithAChallenge() {
        start(TOKEN);

        String[][] attempts = {
            {},
            {"Authorization", "Bearer wrong"},
            {"Authorization", "Bearer " + TOKEN + "x"},
            {"Authorization", "Bearer " + TOKEN.substring(1)},
            {"Authorization", "Basic " + TOKEN},
            {"Authorization", TOKEN},
            {"Authorization", "Bearer"},
            {"Authorization", "Bearer " + "A".repeat(20_000)},
        };
        for (String[] headers : attempts) {
            ApiClient.Answer answer = api.send("POST", "/tasks/import-movies/runs", headers);
            assertThat(answer.status()).as(String.join(" ", headers).substring(0, Math.min(40,
                    String.join(" ", headers).length()))).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).contains("Bearer realm=\"catalog\"");
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(catalog.tasks().getTask(TaskName.IMPORT_MOVIES).findLastRun()).isEmpty();
    }

    @Test
    void theRightTokenStartsARunAndA409ComesWhileItRuns() throws Exception {
        start(TOKEN);
        feeds.hold();

        ApiClient.Answer started = api.send("POST", "/tasks/import-movies/runs", "Authorization", "bearer  " + TOKEN);

        assertThat(started.status()).isEqualTo(202);
        String location = started.header("Location").orElseThrow();
        assertThat(location).matches("/tasks/import-movies/runs/\\d+");
        assertThat(started.json().get("status").asText()).isEqualTo("started");
        assertThat(location).endsWith("/" + started.json().get("run").get("id").asLong());
        assertThat(api.get(location).json().get("status").asText()).isEqualTo("running");
        assertThat(feeds.reading.tryAcquire(20, TimeUnit.SECONDS)).isTrue();

        ApiClient.Answer again = api.send("POST", "/tasks/import-movies/runs", "Authorization", "Bearer " + TOKEN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("already running");
        JsonNode running = api.get("/tasks/import-movies").json();
        assertThat(running.get("running").asBoolean()).isTrue();
        assertThat(running.get("last_run").get("status").asText()).isEqualTo("running");

        feeds.open();
        JsonNode finished = awaitLastResult("import-movies");
        assertThat(finished.get("last_result").asText()).isEqualTo("succeeded");
        assertThat(finished.get("last_finished_run").get("node").asText()).isEqualTo("test-node");
        assertThat(finished.get("last_finished_run").get("counts").get("created").asInt()).isEqualTo(2);
        JsonNode runs = api.get("/tasks/import-movies/runs").json();
        assertThat(runs).hasSize(1);
        assertThat(api.get(location).json()).isEqualTo(runs.get(0));
        assertThat(api.get("/tasks/import-movies/runs/999999").status()).isEqualTo(404);
        assertThat(api.get("/tasks/import-shows/runs/" + runs.get(0).get("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void anUnknownTaskIsNotFoundOnceAuthorized() {
        start(TOKEN);
        assertThat(api.send("POST", "/tasks/import-everything/runs", "Authorization", "Bearer " + TOKEN).status())
                .isEqualTo(404);
        assertThat(api.send("POST", "/tasks/import-everything/runs").status()).isEqualTo(401);
        assertThat(api.get("/tasks/import-everything").status()).isEqualTo(404);
        assertThat(api.get("/tasks/%00/runs").status()).isIn(400, 404);
    }

    @Test
    void theTaskListShowsEveryTaskAndIsNeverCached() {
        start(TOKEN);
        catalog.tasks().runNow(TaskName.IMPORT_MOVIES);

        ApiClient.Answer answer = api.get("/tasks");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).contains("no-store");
        JsonNode tasks = answer.json();
        assertThat(tasks).hasSize(TaskName.values().length);
        assertThat(tasks.get(0).get("task").asText()).isEqualTo("import-shows");
        assertThat(tasks.get(0).get("schedule").asText()).isEqualTo("off");
        assertThat(tasks.get(0).get("next_run").isNull()).isTrue();
        assertThat(tasks.get(0).get("last_run").isNull()).isTrue();
        assertThat(tasks.get(1).get("last_result").asText()).isEqualTo("succeeded");
        assertThat(api.get("/tasks/").status()).isEqualTo(200);
    }

    @Test
    void runsArePagedLikeEveryList() {
        start(TOKEN);
        for (int i = 0; i < 3; i++) {
            TaskReport report = catalog.tasks().runNow(TaskName.IMPORT_MOVIES);
            assertThat(report.succeeded()).isTrue();
        }

        ApiClient.Answer first = api.get("/tasks/import-movies/runs?limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Total-Count")).contains("3");
        assertThat(first.json()).hasSize(2);
        Instant newest = Instant.parse(first.json().get(0).get("started_at").asText());
        Instant older = Instant.parse(first.json().get(1).get("started_at").asText());
        assertThat(newest).isAfterOrEqualTo(older);
        String next = first.links().get("next");
        assertThat(next).startsWith("/tasks/import-movies/runs?limit=2&cursor=");

        ApiClient.Answer second = api.get(next);
        assertThat(second.json()).hasSize(1);
        assertThat(second.links()).doesNotContainKey("next");

        assertThat(api.get("/tasks/import-movies/runs?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/tasks/import-movies/runs?limit=501").status()).isEqualTo(400);
        assertThat(api.get("/tasks/import-movies/runs?cursor=garbage").status()).isEqualTo(400);
        String otherListsCursor = next.substring(next.indexOf("cursor=") + 7);
        assertThat(api.get("/tasks/update-ratings/runs?cursor=" + otherListsCursor).status()).isLessThan(500);
    }

    private JsonNode awaitLastResult(String task) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            JsonNode node = api.get("/tasks/" + task).json();
            if (!node.get("last_result").isNull() && !node.get("running").asBoolean()) {
                return node;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(task + " did not finish: " + node);
            }
            Thread.sleep(20);
        }
    }

    /** A movies feed of two movies that can be held open, to keep an import running. */
    static final class HoldingFeedReader implements FeedReader {
        final Semaphore reading = new Semaphore(0);
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void hold() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public void readShows(FeedLocation location, Consumer<FeedItem<ShowDraft>> sink) {
            throw new UnsupportedOperationException("no shows feed in this test");
        }

        @Override
        public void readMovies(FeedLocation location, Consumer<FeedItem<MovieDraft>> sink) {
            reading.release();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.accept(new FeedItem.Accepted<>(0, "m1", Drafts.movie("m1", "First")));
            sink.accept(new FeedItem.Accepted<>(1, "m2", Drafts.movie("m2", "Second")));
        }
    }
}
