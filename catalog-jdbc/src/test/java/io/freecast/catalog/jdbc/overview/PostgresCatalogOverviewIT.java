package io.freecast.catalog.jdbc.overview;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/** On the real PostgreSQL at {@code CATALOG_TEST_POSTGRES_URL}; skipped with a message without it. */
class PostgresCatalogOverviewIT extends CatalogOverviewContract {

    @Override
    protected TestDatabase newDatabase(Path dir) {
        return TestDatabases.postgres();
    }
}
