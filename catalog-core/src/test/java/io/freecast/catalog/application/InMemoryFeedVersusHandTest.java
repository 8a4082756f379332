package io.freecast.catalog.application;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.contract.FeedVersusHandContract;
import java.time.Clock;

/** The editing rules proven in the core, in milliseconds, on the in-memory store (the same contract runs on SQLite and PostgreSQL). */
class InMemoryFeedVersusHandTest extends FeedVersusHandContract {

    @Override
    protected CatalogStore openStore(Clock clock) {
        return InMemoryCatalogStore.create(clock);
    }
}
