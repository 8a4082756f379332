package io.freecast.catalog.http.client;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

class ValidateSourcesRunsOnPostgresIT extends ValidateSourcesRunsContract {

    @Override
    TestDatabase newDatabase(Path dir) {
        return TestDatabases.postgres();
    }
}
