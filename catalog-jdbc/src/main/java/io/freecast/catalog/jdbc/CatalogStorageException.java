package io.freecast.catalog.jdbc;

/**
 * The database cannot be used as configured. The message is one line that says what is wrong and
 * names the setting to fix ({@code --db} / {@code CATALOG_DB}), so a CLI can print it as it is.
 */
public class CatalogStorageException extends RuntimeException {

    /** The setting every message points at: the CLI flag and its environment variable. */
    public static final String SETTING = "--db / CATALOG_DB";

    public CatalogStorageException(String message) {
        super(message);
    }

    public CatalogStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
