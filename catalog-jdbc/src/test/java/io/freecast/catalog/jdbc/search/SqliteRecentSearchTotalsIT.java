package io.freecast.catalog.jdbc.search;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/** The remembered search totals on SQLite (its count reads the FTS5 trigram index). */
class SqliteRecentSearchTotalsIT extends RecentSearchTotalsContract {

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
