package io.freecast.catalog.jdbc.search;

import io.freecast.catalog.jdbc.testing.SqlitePlans;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The search plan contract on SQLite: {@code EXPLAIN QUERY PLAN} must show the FTS5 trigram table and no
 * {@code SCAN movie} at all — not even one walking an index, which is how a {@code LIKE '%…%'} search ran
 * before (and what {@code SqliteQueryPlanIT}, which allows walking an index in order, would not catch).
 */
class SqliteSearchPlanIT extends SearchPlanContract {

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.sqlite(dir);
    }

    @Override
    List<String> explain(Connection connection, String sql) throws SQLException {
        return SqlitePlans.steps(connection, sql);
    }

    @Override
    boolean scansMovies(String step) {
        return step.replace("`", "").replace("\"", "").startsWith("SCAN movie");
    }

    @Override
    boolean usesTrigramIndex(String step) {
        return step.contains("title_index_movie VIRTUAL TABLE");
    }
}
