package io.freecast.catalog.jdbc.edits;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class SqliteFeedVersusHandIT extends FeedVersusHandContract {

    private TestDatabase db;

    @Override
    CatalogStore openStore(Path dir, Clock clock) {
        db = TestDatabases.sqlite(dir);
        return db.open(b -> b.clock(clock));
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }
}
