package io.freecast.catalog.examples.bench;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.port.out.StorageHealth;
import java.nio.file.Path;

/** Opens the benchmark's SQLite file, and lends it to several catalogs in turn. */
final class BenchStorage {

    private BenchStorage() {
    }

    /** A new SQLite catalog in {@code file}, migrated. */
    static CatalogStore open(Path file) {
        return JdbcCatalogStore.open(file.toAbsolutePath().toString());
    }

    /** A store whose {@code close()} does nothing: the benchmark closes the real one at the end. */
    static CatalogStore unclosable(CatalogStore store) {
        return new CatalogStore() {
            @Override
            public StoragePorts ports() {
                return store.ports();
            }

            @Override
            public StorageHealth health() {
                return store.health();
            }

            @Override
            public void close() {
            }
        };
    }
}
