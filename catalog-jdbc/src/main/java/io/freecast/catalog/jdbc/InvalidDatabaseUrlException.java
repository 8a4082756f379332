package io.freecast.catalog.jdbc;

/**
 * The database path or JDBC URL given to {@link JdbcCatalogStore#open(String)} cannot be used at all —
 * blank, malformed, another database, an in-memory SQLite, a file that cannot be created or written —
 * found before any connection is tried. Its {@link #setting()} is {@link #DATABASE_URL}.
 */
public class InvalidDatabaseUrlException extends CatalogStorageException {

    public InvalidDatabaseUrlException(String message) {
        super(message, null, DATABASE_URL);
    }

    /** With the condition found (a read-only file, say). */
    public InvalidDatabaseUrlException(String message, StorageFailure failure) {
        super(message, null, DATABASE_URL, failure);
    }
}
