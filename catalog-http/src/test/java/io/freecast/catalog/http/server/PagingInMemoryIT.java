package io.freecast.catalog.http.server;

import io.freecast.catalog.testing.InMemoryCatalogStore;
import java.nio.file.Path;

/** The paging contract on the in-memory store of catalog-core's fixtures: the fake answers the API as the databases do. */
class PagingInMemoryIT extends PagingContract {

    @Override
    SeededServer serve(Path dir, CatalogSeed seed) {
        return SeededServer.start(InMemoryCatalogStore.create(), seed);
    }
}
