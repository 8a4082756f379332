package io.freecast.catalog.jdbc.access;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

/** The accounts and tokens storage contract on a real SQLite file. */
class SqliteAccessStorageIT extends JdbcAccessStorageContract {

    @Override
    TestDatabase newDatabase(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
