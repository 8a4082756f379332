package io.freecast.catalog.jdbc.search;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/**
 * The upkeep contract on PostgreSQL: the trigram index is on {@code title_search} itself, so the titles it
 * finds are those a {@code LIKE} finds and its entries are the table's rows; what can drift there is
 * {@code title_count}, which the import now keeps itself for its new titles.
 */
class PostgresTitleIndexUpkeepIT extends TitleIndexUpkeepContract {

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.postgres();
    }

    @Override
    Set<Long> found(Connection connection, String kind, String titleSearch) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM " + kind + " WHERE title_search LIKE '%' || ? || '%'")) {
            select.setString(1, titleSearch);
            return ids(select);
        }
    }

    @Override
    Set<Long> indexedIds(Connection connection, String kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + kind)) {
            return ids(select);
        }
    }
}
