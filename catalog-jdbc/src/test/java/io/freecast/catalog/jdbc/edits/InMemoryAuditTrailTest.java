package io.freecast.catalog.jdbc.edits;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import java.nio.file.Path;

/** The audit-trail contract on catalog-core's in-memory store. */
class InMemoryAuditTrailTest extends AuditTrailContract {

    @Override
    CatalogStore openStore(Path dir) {
        return InMemoryCatalogStore.create();
    }
}
