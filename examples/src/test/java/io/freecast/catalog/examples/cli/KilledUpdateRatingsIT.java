package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.examples.testing.LauncherProcess;
import io.freecast.catalog.examples.testing.LoopbackFeedServer;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code update-ratings} killed part-way ({@code kill -9}): {@code java -jar catalog.jar} as a real child
 * process on a real SQLite file (and on PostgreSQL, in a schema of its own; skipped without
 * {@code CATALOG_TEST_POSTGRES_URL}), asking a kinopoisk-style API on loopback paced to 50 requests a second. The
 * ratings it wrote before the kill stay, and the next run asks the API only about the titles still due —
 * never about one whose rating the killed run had written.
 */
class KilledUpdateRatingsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** At 50 requests a second the run takes at least 12 s, and writes every 3 s: the kill comes between. */
    private static final int TITLES = 600;

    @TempDir
    Path dir;

    private final List<String> asked = new CopyOnWriteArrayList<>();

    @Test
    void onSqliteAKilledRunKeepsTheRatingsItWroteAndTheNextRunAsksOnlyForTheRest() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            killPartWayThenRunAgain(db);
        }
    }

    @Test
    void onPostgresAKilledRunKeepsTheRatingsItWroteAndTheNextRunAsksOnlyForTheRest() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            killPartWayThenRunAgain(db);
        }
    }

    private void killPartWayThenRunAgain(TestDatabase database) throws Exception {
        String db = database.url();
        try (JdbcCatalogStore store = JdbcCatalogStore.builder(db).open()) {
            store.ports().transactions().inTransaction(() -> store.ports().movies().upsertAll(
                    IntStream.range(0, TITLES).mapToObj(i -> new MovieDraft(new FeedKey("id:" + i), "m" + i, null,
                            "Film " + i, null, null, null, null, null, null, List.of())).toList()));
        }

        try (LoopbackFeedServer api = new LoopbackFeedServer().serve("/v1.4/movie/search", exchange -> {
            String title = query(exchange.getRequestURI().getRawQuery()).get("query");
            asked.add(title);
            LoopbackFeedServer.respond(exchange, 200, "application/json", "{\"docs\":[{\"id\":1,\"name\":\""
                    + title + "\",\"type\":\"movie\",\"rating\":{\"kp\":7.3,\"imdb\":7.0}}]}");
        })) {
            LauncherProcess killed = LauncherProcess.startJar(dir, Map.of("CATALOG_RATINGS_API_KEY", "k"),
                    "update-ratings", "--db", db, "--provider", "kinopoisk", "--ratings-url", api.url(""),
                    "--rate-limit", "50", "--allow-private", "--task-lease", "2s");
            Set<String> writtenBeforeKill;
            try {
                awaitSomeRatingsWritten(database, killed.process());
                assertThat(killed.process().isAlive()).as("still asking when killed").isTrue();
                killed.process().destroyForcibly();   // SIGKILL: no shutdown hook, no last write
                assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                killed.process().destroyForcibly();
            }
            writtenBeforeKill = rated(database);
            Set<String> askedBeforeKill = new HashSet<>(asked);
            assertThat(writtenBeforeKill).as("written before the kill, kept").isNotEmpty().hasSizeLessThan(TITLES);
            assertThat(askedBeforeKill).containsAll(writtenBeforeKill);
            asked.clear();

            JsonNode report = rerunUntilTheKilledRunsLeaseHasExpired(db, api);

            assertThat(report.get("status").asText()).isEqualTo("succeeded");
            assertThat(asked).as("the second run asks only about titles the killed run did not write")
                    .doesNotContainAnyElementsOf(writtenBeforeKill).doesNotHaveDuplicates()
                    .hasSize(TITLES - writtenBeforeKill.size());
            assertThat(report.at("/counts/skipped").asLong()).isEqualTo(writtenBeforeKill.size());
            assertThat(report.at("/counts/written").asLong()).isEqualTo(TITLES - writtenBeforeKill.size());
            assertThat(report.at("/counts/left").asLong()).isZero();
            assertThat(rated(database)).hasSize(TITLES);
        }
    }

    /**
     * Runs update-ratings again, the same way, until it goes ahead: the killed run holds the task's lease
     * (2 s) until it expires, and a run refused meanwhile asks nothing.
     */
    private JsonNode rerunUntilTheKilledRunsLeaseHasExpired(String db, LoopbackFeedServer api) throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            LauncherProcess rerun = LauncherProcess.startJar(dir, Map.of("CATALOG_RATINGS_API_KEY", "k"),
                    "update-ratings", "--db", db, "--provider", "kinopoisk", "--ratings-url", api.url(""),
                    "--rate-limit", "0", "--allow-private", "--json");
            int exit = rerun.waitFor();
            if (exit == ExitCode.OK) {
                return JSON.readTree(rerun.out());
            }
            assertThat(rerun.err()).contains("already running");
            assertThat(asked).as("a refused run asks nothing").isEmpty();
            Thread.sleep(500);
        }
        throw new AssertionError("the killed run's lease never expired");
    }

    /** Waits (bounded) until the child has committed at least one batch of ratings. */
    private static void awaitSomeRatingsWritten(TestDatabase database, Process child) throws Exception {
        for (int i = 0; i < 1_200; i++) {
            if (!rated(database).isEmpty()) {
                return;
            }
            assertThat(child.isAlive()).as("the child is still running").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("the child never wrote a rating");
    }

    /** The titles whose kinopoisk rating is written, with the API's answer. */
    private static Set<String> rated(TestDatabase database) throws Exception {
        Set<String> titles = new HashSet<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT title, kinopoisk_rating FROM movie WHERE kinopoisk_checked_at IS NOT NULL")) {
            while (rs.next()) {
                assertThat(rs.getDouble(2)).isEqualTo(7.3);
                titles.add(rs.getString(1));
            }
        }
        return titles;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
