package io.freecast.catalog.jdbc.overview;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/** On a real SQLite file, which counts its rows for the dashboard. */
class SqliteCatalogCountsIT extends CatalogCountsContract {

    @Override
    protected TestDatabase newDatabase(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
