package io.freecast.catalog.http.server;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/** The write API's contract on PostgreSQL; skipped (with the reason) without CATALOG_TEST_POSTGRES_URL. */
class WriteApiPostgresIT extends WriteApiContract {

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.postgres();
    }
}
