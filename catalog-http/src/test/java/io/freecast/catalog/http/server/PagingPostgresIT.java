package io.freecast.catalog.http.server;

import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

class PagingPostgresIT extends PagingContract {

    @Override
    SeededServer serve(Path dir, CatalogSeed seed) {
        return SeededServer.start(TestDatabases.postgres(), seed);
    }
}
