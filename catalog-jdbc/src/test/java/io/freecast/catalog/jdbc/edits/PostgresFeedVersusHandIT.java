package io.freecast.catalog.jdbc.edits;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;

class PostgresFeedVersusHandIT extends FeedVersusHandContract {

    @Override
    TestDatabase newDatabase(Path dir) {
        return TestDatabases.postgres();
    }
}
