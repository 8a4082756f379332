package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.JdbcCatalogStore;

/**
 * Opens the catalog for update-ratings and validate-sources. TEMPORARY until the storage adapter and the
 * shared launcher wiring land on main; then these commands use that wiring.
 */
final class CheckCommands {

    private CheckCommands() {
    }

    static Catalog.Builder catalog(DatabaseOptions database) {
        try {
            return Catalog.builder().storage(JdbcCatalogStore.open(database.db()));
        } catch (CatalogStorageException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
