package io.freecast.catalog.jdbc.paging;

import io.freecast.catalog.jdbc.testing.SqlitePlans;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The nullable sort plan contract on SQLite: {@code EXPLAIN QUERY PLAN} must show no {@code SCAN movie} at
 * all — neither of the table nor walking an index in order (how the single OR condition ran: from the
 * index's start to the cursor). Every read of {@code movie} is a {@code SEARCH}: a range of an index, or
 * the primary key.
 */
class SqliteNullableSortPlanIT extends NullableSortPlanContract {

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.sqlite(dir);
    }

    @Override
    List<String> explain(Connection connection, String sql) throws SQLException {
        return SqlitePlans.steps(connection, sql);
    }

    @Override
    boolean walksMovies(String step) {
        return step.replace("`", "").replace("\"", "").startsWith("SCAN movie");
    }

    @Override
    boolean sortsMovies(String step) {
        String plain = step.replace("`", "").replace("\"", "");
        return plain.equals("SCAN movie") || plain.startsWith("USE TEMP B-TREE FOR ORDER BY");
    }
}
