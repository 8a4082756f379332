package io.freecast.catalog.jdbc.search;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.testing.contract.TitleSearchContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** catalog-core's title search contract on the real PostgreSQL, a fresh schema per test (its pg_trgm index). */
class PostgresTitleSearchIT extends TitleSearchContract {

    @TempDir
    Path dir;
    private TestDatabase db;

    @Override
    protected CatalogStore openStore(Clock clock) {
        db = TestDatabases.postgres();
        return db.open(b -> b.clock(clock));
    }

    @Override
    protected void closeStore() {
        db.close();
    }
}
