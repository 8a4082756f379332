package io.freecast.catalog.jdbc;

import java.util.Optional;

/**
 * The database cannot be used as configured, or failed. The message is one line that says what is wrong
 * and, when a setting can fix it, names that setting in this library's terms ({@link #setting()}): the
 * {@link #DATABASE_URL} given to {@link JdbcCatalogStore#open(String)}. An application that reads the
 * setting from somewhere of its own (a command-line flag, an environment variable) adds that name.
 */
public class CatalogStorageException extends RuntimeException {

    /** The database path or JDBC URL a store is opened with, as messages name it. */
    public static final String DATABASE_URL = "the database URL";

    private final String setting;
    private final StorageFailure failure;

    public CatalogStorageException(String message) {
        this(message, null, null);
    }

    public CatalogStorageException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * @param setting the setting that fixes it, as named in the message (e.g. {@link #DATABASE_URL})
     */
    public CatalogStorageException(String message, Throwable cause, String setting) {
        this(message, cause, setting, StorageFailure.OTHER);
    }

    /**
     * @param setting the setting that fixes it, as named in the message; {@code null} when none can
     * @param failure the condition, named at the start of the message
     */
    public CatalogStorageException(String message, Throwable cause, String setting, StorageFailure failure) {
        super(message, cause);
        this.setting = setting;
        this.failure = failure == null ? StorageFailure.OTHER : failure;
    }

    /** What went wrong, named ({@link StorageFailure#OTHER} when the driver's words are all there is). */
    public StorageFailure failure() {
        return failure;
    }

    /** The setting the message tells to fix, e.g. {@link #DATABASE_URL}; empty when none can. */
    public Optional<String> setting() {
        return Optional.ofNullable(setting);
    }
}
