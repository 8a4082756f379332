package io.freecast.catalog.jdbc.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * The upkeep contract on SQLite's FTS5 trigram tables: their entries are read from FTS5's own per-document
 * table ({@code _docsize}, one row per indexed id), titles are found with a phrase {@code MATCH}; and no
 * import leaves a range in {@code title_bulk_insert} for the triggers to skip.
 */
class SqliteTitleIndexUpkeepIT extends TitleIndexUpkeepContract {

    private TestDatabase db;

    @Override
    TestDatabase database(Path dir) {
        db = TestDatabases.sqlite(dir);
        return db;
    }

    @Override
    Set<Long> found(Connection connection, String kind, String titleSearch) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT rowid FROM title_index_" + kind + " WHERE title_index_" + kind + " MATCH ?")) {
            select.setString(1, '"' + titleSearch.replace("\"", "\"\"") + '"');
            return ids(select);
        }
    }

    @Override
    Set<Long> indexedIds(Connection connection, String kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM title_index_" + kind + "_docsize")) {
            return ids(select);
        }
    }

    @AfterEach
    void noRangeIsLeftForTheTriggersToSkip() throws SQLException {
        try (Connection connection = db.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM title_bulk_insert WHERE first_id IS NOT NULL OR last_id IS NOT NULL");
             ResultSet result = select.executeQuery()) {
            result.next();
            assertThat(result.getInt(1)).isZero();
        }
    }
}
