package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;

/**
 * Opens the catalog for update-ratings and validate-sources. TEMPORARY until the storage adapter and the
 * shared launcher wiring land on main; then these commands use that wiring.
 */
final class CheckCommands {

    private CheckCommands() {
    }

    static Catalog.Builder catalog(DatabaseOptions database) {
        throw new ConfigurationException("storage is not wired yet (waiting for catalog-jdbc): " + database.db());
    }
}
