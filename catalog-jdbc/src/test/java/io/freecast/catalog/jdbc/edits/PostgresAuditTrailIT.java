package io.freecast.catalog.jdbc.edits;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

class PostgresAuditTrailIT extends AuditTrailContract {

    private TestDatabase db;

    @Override
    CatalogStore openStore(Path dir) {
        db = TestDatabases.postgres();
        return db.open();
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }
}
