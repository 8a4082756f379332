package io.freecast.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.CheckedAt;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V5 on a database with rated titles: the one {@code ratings_checked_at} becomes a check time per
 * rating field. A field that has a value keeps the stamp (it was answered: nobody asks again before it is
 * stale); a field without one is never-checked, so its own provider asks at its next run; the old column
 * is gone.
 */
class RatingChecksMigrationIT {

    private static final Instant CHECKED = Instant.parse("2026-03-01T08:00:00Z");
    private static final String CHECKED_TEXT = "2026-03-01 08:00:00.0";

    @TempDir
    Path dir;

    @Test
    void onSqlite() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            migratesRatedTitles(db);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            migratesRatedTitles(db);
        }
    }

    private static void migratesRatedTitles(TestDatabase db) throws Exception {
        db.migrateTo("4");
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO movie (id, feed_key, title, title_search, imdb_rating, kinopoisk_rating,"
                    + " ratings_checked_at, created_at, updated_at) VALUES"
                    + " (1, 'k1', 'Both', 'both', 7.0, 6.0, '" + CHECKED_TEXT + "', '" + CHECKED_TEXT + "', '" + CHECKED_TEXT + "'),"
                    + " (2, 'k2', 'Kinopoisk only', 'kinopoisk only', NULL, 6.5, '" + CHECKED_TEXT + "', '" + CHECKED_TEXT + "', '" + CHECKED_TEXT + "'),"
                    + " (3, 'k3', 'Neither', 'neither', NULL, NULL, '" + CHECKED_TEXT + "', '" + CHECKED_TEXT + "', '" + CHECKED_TEXT + "'),"
                    + " (4, 'k4', 'Never checked', 'never checked', 7.1, NULL, NULL, '" + CHECKED_TEXT + "', '" + CHECKED_TEXT + "')");
            statement.executeUpdate("INSERT INTO show (id, feed_key, title, title_search, imdb_rating, kinopoisk_rating,"
                    + " ratings_checked_at, created_at, updated_at) VALUES"
                    + " (1, 's1', 'Imdb only', 'imdb only', 8.0, NULL, '" + CHECKED_TEXT + "', '" + CHECKED_TEXT + "', '" + CHECKED_TEXT + "')");
        }

        JdbcCatalogStore store = db.open();

        Map<String, CheckedAt> checked = new LinkedHashMap<>();
        for (RatingTarget target : store.ports().ratings().listDue(RatingField.all(), CHECKED.plusSeconds(60), null, 10)) {
            checked.put(target.title(), target.checked());
        }
        assertThat(checked).containsExactly(
                Map.entry("Imdb only", new CheckedAt(CHECKED, null)),
                Map.entry("Both", CheckedAt.both(CHECKED)),
                Map.entry("Kinopoisk only", new CheckedAt(null, CHECKED)),
                Map.entry("Neither", CheckedAt.NEVER),
                Map.entry("Never checked", CheckedAt.NEVER));
        // The omdb run right after a kinopoisk run asks the titles without an IMDb rating, not only the stale ones.
        assertThat(store.ports().ratings().listDue(java.util.Set.of(RatingField.IMDB), CHECKED, null, 10))
                .extracting(RatingTarget::title).containsExactly("Kinopoisk only", "Neither", "Never checked");
        try (Connection connection = db.connect();
             ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), "%", "%checked_at")) {
            Map<String, Integer> byColumn = new LinkedHashMap<>();
            while (columns.next()) {
                String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (table.equals("show") || table.equals("movie")) {
                    byColumn.merge(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
            assertThat(byColumn).doesNotContainKey("ratings_checked_at")
                    .containsEntry("imdb_checked_at", 2).containsEntry("kinopoisk_checked_at", 2);
        }
    }
}
