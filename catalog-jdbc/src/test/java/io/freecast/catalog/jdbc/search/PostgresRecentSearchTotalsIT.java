package io.freecast.catalog.jdbc.search;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/**
 * The remembered search totals on PostgreSQL, where a first page that is not full is its own total and only a
 * full one counts (the tests' pages hold one title, so they count).
 */
class PostgresRecentSearchTotalsIT extends RecentSearchTotalsContract {

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.postgres();
    }
}
