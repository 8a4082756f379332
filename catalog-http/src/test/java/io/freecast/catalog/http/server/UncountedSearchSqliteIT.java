package io.freecast.catalog.http.server;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

class UncountedSearchSqliteIT extends UncountedSearchContract {

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
