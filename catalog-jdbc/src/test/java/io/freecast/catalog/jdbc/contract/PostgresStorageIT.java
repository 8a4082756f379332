package io.freecast.catalog.jdbc.contract;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/**
 * The storage contract on the real PostgreSQL server at {@code CATALOG_TEST_POSTGRES_URL}, each test in a
 * fresh schema; skipped (with a message saying so) when the variable is not set.
 */
class PostgresStorageIT extends JdbcStorageContract {

    @Override
    protected TestDatabase newDatabase(Path dir) {
        return TestDatabases.postgres();
    }
}
