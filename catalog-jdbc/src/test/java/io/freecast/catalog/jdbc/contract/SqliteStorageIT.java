package io.freecast.catalog.jdbc.contract;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/** The storage contract on a real SQLite file. */
class SqliteStorageIT extends StorageContract {

    @Override
    protected TestDatabase newDatabase(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
