package io.freecast.catalog.jdbc.access;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/**
 * The accounts and tokens storage contract on the PostgreSQL server at {@code CATALOG_TEST_POSTGRES_URL}, in a
 * fresh schema; skipped (saying so) when the variable is not set.
 */
class PostgresAccessStorageIT extends JdbcAccessStorageContract {

    @Override
    TestDatabase newDatabase(Path dir) {
        return TestDatabases.postgres();
    }
}
