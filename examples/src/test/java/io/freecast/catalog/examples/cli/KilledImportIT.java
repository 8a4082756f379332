package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.testing.CatalogTables;
import io.freecast.catalog.examples.testing.FeedGenerator;
import io.freecast.catalog.examples.testing.LauncherProcess;
import io.freecast.catalog.examples.testing.LoopbackFeedServer;
import io.freecast.catalog.examples.testing.StallingMovieFeed;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher killed mid-import ({@code kill -9}, a crash, a container stopped): it runs in a child JVM
 * that reads a feed which stalls half-way, so it is killed for certain while its transaction is open and
 * batches are written. The catalog must be as before, and a re-run must converge to a clean import.
 */
class KilledImportIT {

    /**
     * The killed child's lease: short, so the test need not wait the default two minutes, yet long enough
     * that the "refused while the lease holds" check still falls inside it on a loaded 2-core machine
     * (at 5 s a busy build let it expire before the check ran).
     */
    private static final Duration KILLED_RUN_LEASE = Duration.ofSeconds(15);

    private static final int SENT_BEFORE_STALL = 3_000;
    private static final int TOTAL = 4_000;

    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesTheCatalogAsBeforeAndARerunConvergesToACleanImport() throws Exception {
        String db = dir.resolve("catalog.db").toString();
        String url = "jdbc:sqlite:" + db;
        assertThat(CliRun.of("import-movies", "--db", db).exitCode()).isZero();
        assertThat(CliRun.of("import-shows", "--db", db).exitCode()).isZero();
        List<String> before = CatalogTables.dump(url);

        StallingMovieFeed feed = new StallingMovieFeed(SENT_BEFORE_STALL, TOTAL);
        try (LoopbackFeedServer server = new LoopbackFeedServer().serve("/movies.json", feed)) {
            Process child = LauncherProcess.start(dir, Map.of(),
                    "import-movies", "--db", db, "--feed", server.url("/movies.json"), "--allow-private",
                    "--task-lease", KILLED_RUN_LEASE.toSeconds() + "s").process();
            try {
                assertThat(feed.awaitSent(Duration.ofSeconds(60))).as("the child asked for the feed").isTrue();
                awaitRunningImport(url);
                Thread.sleep(2_000); // let it parse and write the batches it has; not an assertion on time
                assertThat(child.isAlive()).as("the import is still waiting for the rest of the feed").isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
                feed.release();
            }
        }

        assertThat(CatalogTables.dump(url)).isEqualTo(before);
        assertTitleIndexAndCountsInStep(url);

        Path full = FeedGenerator.movies(dir.resolve("movies.json"), TOTAL);
        // The killed run's lease holds the task up until it expires; a re-run before that is refused.
        CliRun tooEarly = CliRun.of("import-movies", "--db", db, "--feed", full.toString());
        assertThat(tooEarly.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(tooEarly.err()).contains("already running");
        assertThat(CatalogTables.dump(url)).isEqualTo(before);
        awaitRerunSucceeds(db, full);
        String clean = dir.resolve("clean.db").toString();
        assertThat(CliRun.of("import-movies", "--db", clean).exitCode()).isZero();
        assertThat(CliRun.of("import-shows", "--db", clean).exitCode()).isZero();
        assertThat(CliRun.of("import-movies", "--db", clean, "--feed", full.toString()).exitCode()).isZero();
        assertThat(CatalogTables.content(url)).isEqualTo(CatalogTables.content("jdbc:sqlite:" + clean));
        assertThat(CatalogTables.count(url, "movie")).isEqualTo(10 + TOTAL);
        assertTitleIndexAndCountsInStep(url);
    }

    /**
     * The title search index (FTS5, one {@code _docsize} row per indexed id) holds exactly the catalog's ids
     * and {@code title_count} its size, and no import's id range is left open (V11: an import indexes and
     * counts its new titles once per batch, in its own transaction, so a killed one must leave none of it).
     */
    private static void assertTitleIndexAndCountsInStep(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String kind : List.of("movie", "show")) {
                long rows = single(statement, "SELECT count(*) FROM " + kind);
                assertThat(single(statement, "SELECT total FROM title_count WHERE kind = '" + kind + "'"))
                        .as("title_count of %s", kind).isEqualTo(rows);
                assertThat(single(statement, "SELECT count(*) FROM title_index_" + kind + "_docsize"))
                        .as("entries in the %s title index", kind).isEqualTo(rows);
                assertThat(single(statement, "SELECT count(*) FROM " + kind + " t WHERE NOT EXISTS (SELECT 1 FROM title_index_"
                        + kind + "_docsize d WHERE d.id = t.id)")).as("%s rows missing from the index", kind).isZero();
            }
            assertThat(single(statement, "SELECT count(*) FROM title_bulk_insert WHERE first_id IS NOT NULL"))
                    .as("open import ranges").isZero();
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Re-runs the import until the killed run's lease has expired and it goes ahead (bounded). */
    private static void awaitRerunSucceeds(String db, Path feed) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            Thread.sleep(1_000);
            CliRun rerun = CliRun.of("import-movies", "--db", db, "--feed", feed.toString());
            if (rerun.exitCode() == ExitCode.OK) {
                return;
            }
            assertThat(rerun.err()).contains("already running");
        }
        throw new AssertionError("the killed run's lease never expired");
    }

    /** Waits until the run log shows the child's import as running: its transaction is then open. */
    private static void awaitRunningImport(String url) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM task_run WHERE task = 'import-movies' AND status = 'running'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child never started its import");
    }
}
