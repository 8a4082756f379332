package io.freecast.catalog.jdbc.edits;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import java.nio.file.Path;
import java.time.Clock;

/** Feed versus hand on catalog-core's in-memory store: the fake keeps hand edits as the databases do. */
class InMemoryFeedVersusHandTest extends FeedVersusHandContract {

    @Override
    CatalogStore openStore(Path dir, Clock clock) {
        return InMemoryCatalogStore.create(clock);
    }
}
