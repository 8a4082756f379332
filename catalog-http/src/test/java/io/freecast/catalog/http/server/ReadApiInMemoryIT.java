package io.freecast.catalog.http.server;

import io.freecast.catalog.testing.InMemoryCatalogStore;
import java.nio.file.Path;

/** The read API contract on the in-memory store of catalog-core's fixtures: the fake answers the API as the databases do. */
class ReadApiInMemoryIT extends ReadApiContract {

    @Override
    SeededServer serve(Path dir, CatalogSeed seed) {
        return SeededServer.start(InMemoryCatalogStore.create(), seed);
    }
}
