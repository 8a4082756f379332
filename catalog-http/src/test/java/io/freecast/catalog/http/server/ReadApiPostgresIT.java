package io.freecast.catalog.http.server;

import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/** The same contract on PostgreSQL; skipped (with the reason) without CATALOG_TEST_POSTGRES_URL. */
class ReadApiPostgresIT extends ReadApiContract {

    @Override
    SeededServer serve(Path dir, CatalogSeed seed) {
        return SeededServer.start(TestDatabases.postgres(), seed);
    }
}
