package io.freecast.catalog.jdbc.search;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.testing.contract.TitleSearchContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** catalog-core's title search contract on a real SQLite file (its FTS5 trigram index). */
class SqliteTitleSearchIT extends TitleSearchContract {

    @TempDir
    Path dir;
    private TestDatabase db;

    @Override
    protected CatalogStore openStore(Clock clock) {
        db = TestDatabases.sqlite(dir);
        return db.open(b -> b.clock(clock));
    }

    @Override
    protected void closeStore() {
        db.close();
    }
}
