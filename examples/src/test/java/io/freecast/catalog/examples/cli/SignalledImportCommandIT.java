package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.testing.CatalogTables;
import io.freecast.catalog.examples.testing.LauncherProcess;
import io.freecast.catalog.examples.testing.LoopbackFeedServer;
import io.freecast.catalog.examples.testing.StallingMovieFeed;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-movies} stopped by SIGTERM (or Ctrl-C) mid-import, as a real child process: the run is stopped
 * and rolled back, recorded as interrupted with the reason rather than left {@code running}, and its lease is
 * given back, so a new run may start at once instead of waiting for the lease to expire (compare
 * {@link KilledImportIT}, where {@code kill -9} leaves no chance to do any of that).
 */
class SignalledImportCommandIT {

    private static final int SENT_BEFORE_STALL = 3_000;

    @TempDir
    Path dir;

    @Test
    void sigtermMidImportRollsBackRecordsTheRunAsInterruptedAndFreesTheTask() throws Exception {
        String db = dir.resolve("catalog.db").toString();
        String url = "jdbc:sqlite:" + db;
        assertThat(CliRun.of("migrate", "--db", db).exitCode()).isZero();
        List<String> before = CatalogTables.dump(url);

        StallingMovieFeed feed = new StallingMovieFeed(SENT_BEFORE_STALL, SENT_BEFORE_STALL);
        try (LoopbackFeedServer server = new LoopbackFeedServer().serve("/movies.json", feed)) {
            LauncherProcess child = LauncherProcess.start(dir, Map.of(),
                    "import-movies", "--db", db, "--feed", server.url("/movies.json"), "--allow-private",
                    "--task-lease", "10m");
            try {
                assertThat(feed.awaitSent(Duration.ofSeconds(60))).as("the child asked for the feed").isTrue();
                awaitRunning(url);
                Thread.sleep(1_000); // let it write the batches it has; not an assertion on time
                assertThat(child.process().toHandle().destroy()).isTrue();   // SIGTERM
                assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
            } finally {
                child.process().destroyForcibly();
                feed.release();
            }
        }

        assertThat(CatalogTables.dump(url)).as("rolled back").isEqualTo(before);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, error FROM task_run WHERE task = 'import-movies'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("status")).isEqualTo("interrupted");
            assertThat(rs.getString("error"))
                    .isEqualTo("stopped: the import-movies command was interrupted (SIGTERM or Ctrl-C)");
        }
        // The lease (10 minutes) was given back: a new run goes ahead at once.
        CliRun rerun = CliRun.of("import-movies", "--db", db);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    }

    private static void awaitRunning(String url) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM task_run WHERE status = 'running'")) {
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
