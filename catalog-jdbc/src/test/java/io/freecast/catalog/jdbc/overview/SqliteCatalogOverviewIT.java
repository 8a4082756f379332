package io.freecast.catalog.jdbc.overview;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

class SqliteCatalogOverviewIT extends CatalogOverviewContract {

    @Override
    protected TestDatabase newDatabase(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
