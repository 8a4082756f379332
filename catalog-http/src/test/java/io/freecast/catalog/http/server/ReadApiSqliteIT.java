package io.freecast.catalog.http.server;

import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

class ReadApiSqliteIT extends ReadApiContract {

    @Override
    SeededServer serve(Path dir, CatalogSeed seed) {
        return SeededServer.start(TestDatabases.sqlite(dir), seed);
    }
}
