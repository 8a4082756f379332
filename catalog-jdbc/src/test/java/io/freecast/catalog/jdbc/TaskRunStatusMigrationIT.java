package io.freecast.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * Migration 7 lets the run log say {@code interrupted}: on a database at schema 4 holding runs with their
 * counts, notes and rejections, every row survives the upgrade unchanged (SQLite rebuilds the four tables to
 * change the status check), the cascade from a run to its rows still holds, and new ids never reuse old ones.
 */
class TaskRunStatusMigrationIT {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void onSqliteRunsRecordedBeforeTheUpgradeKeepEverythingAndAnInterruptedRunCanBeRecordedAfterIt() throws Exception {
        upgrade(TestDatabase.Kind.SQLITE);
    }

    @Test
    void onPostgresRunsRecordedBeforeTheUpgradeKeepEverythingAndAnInterruptedRunCanBeRecordedAfterIt() throws Exception {
        upgrade(TestDatabase.Kind.POSTGRESQL);
    }

    private void upgrade(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind, dir)) {
            db.migrateTo("4");
            String ts = kind == TestDatabase.Kind.SQLITE ? "" : "TIMESTAMP ";
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO task_run (task, node, started_at, finished_at, status, error) VALUES "
                        + "('import-movies', 'old-node', " + ts + "'2026-02-01 08:00:00.0', " + ts + "'2026-02-01 08:01:00.0', 'failed', 'feed cut off'), "
                        + "('import-movies', 'old-node', " + ts + "'2026-02-02 08:00:00.0', " + ts + "'2026-02-02 08:01:00.0', 'succeeded', NULL), "
                        + "('import-movies', 'old-node', " + ts + "'2026-02-03 08:00:00.0', NULL, 'running', NULL), "
                        + "('import-movies', 'old-node', " + ts + "'2026-02-04 08:00:00.0', NULL, 'running', NULL)");
                s.execute("INSERT INTO task_run_count (run_id, position, name, amount) VALUES (2, 0, 'read', 10), (2, 1, 'created', 9)");
                s.execute("INSERT INTO task_run_note (run_id, position, note) VALUES (2, 0, 'a note')");
                s.execute("INSERT INTO task_run_rejection (run_id, position, item_index, item_id, reason) VALUES (2, 0, 3, 'x', 'no title')");
                s.execute("DELETE FROM task_run WHERE id = 4");   // its id must not come back
            }

            JdbcCatalogStore store = db.open();

            List<TaskRun> runs = store.ports().taskRuns().listRuns(TaskName.IMPORT_MOVIES, PageRequest.first(10)).items();
            assertThat(runs).extracting(TaskRun::id).containsExactly(3L, 2L, 1L);
            assertThat(runs).extracting(TaskRun::status)
                    .containsExactly(TaskStatus.RUNNING, TaskStatus.SUCCEEDED, TaskStatus.FAILED);
            assertThat(runs.get(2).error()).isEqualTo("feed cut off");
            assertThat(runs.get(1).counts()).containsExactly(Map.entry("read", 10L), Map.entry("created", 9L));
            assertThat(count(db, "task_run_note WHERE run_id = 2")).isEqualTo(1);
            assertThat(count(db, "task_run_rejection WHERE run_id = 2")).isEqualTo(1);

            long id = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "new-node", T0);
            assertThat(id).as("ids are not reused").isGreaterThan(4L);
            store.ports().taskRuns().recordFinish(id, TaskReport.interrupted(TaskName.IMPORT_MOVIES, T0,
                    T0.plusSeconds(3), Map.of("read", 4L), List.of("nothing was imported"), "the server was stopped"));
            assertThat(store.ports().taskRuns().findLatest(TaskName.IMPORT_MOVIES).orElseThrow().status())
                    .isEqualTo(TaskStatus.INTERRUPTED);

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM task_run WHERE id = 2");
            }
            assertThat(count(db, "task_run_note WHERE run_id = 2")).as("the cascade still holds").isZero();
            assertThat(count(db, "task_run_rejection WHERE run_id = 2")).isZero();
            assertThat(count(db, "task_run_count WHERE run_id = 2")).isZero();
        }
    }

    /** The schema as catalogs before migration 7 left it. */
    private static long count(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
