package io.freecast.catalog.jdbc;

/**
 * What went wrong with the database, named: the condition a {@link CatalogStorageException} reports, read
 * from the driver's error codes (SQLite's result codes, PostgreSQL's SQLStates, the network exception
 * underneath) rather than from a wrapper's words ("Error while running ConnectionCallable").
 *
 * <p>Each condition's {@link #label()} starts the exception's one-line message, so the CLI's last line, a
 * task report, the run log and {@code /tasks} all name it the same way.
 */
public enum StorageFailure {
    /** SQLite {@code SQLITE_FULL}, PostgreSQL {@code 53100}: no room left on the database's disk. */
    DISK_FULL("disk full"),
    /** SQLite {@code SQLITE_READONLY}, PostgreSQL {@code 25006}: the file (or its file system) cannot be written. */
    READ_ONLY("read-only database"),
    /** SQLite {@code SQLITE_BUSY} / {@code SQLITE_LOCKED}, PostgreSQL {@code 55P03}: another program holds the lock. */
    LOCKED("database locked by another program"),
    /** Nothing listens at the server's address and port. */
    CONNECTION_REFUSED("connection refused"),
    /** The server's host name does not resolve. */
    UNKNOWN_HOST("unknown host"),
    /** PostgreSQL {@code 28P01} / {@code 28000}: a wrong password or a role that does not exist. */
    AUTHENTICATION_FAILED("authentication failed"),
    /** PostgreSQL {@code 3D000}: the database named in the URL does not exist. */
    UNKNOWN_DATABASE("unknown database"),
    /** No connection, or no answer, within the time allowed. */
    TIMED_OUT("timed out"),
    /** PostgreSQL {@code 08xxx} / {@code 57P0x}: the server went away while connected. */
    CONNECTION_LOST("connection lost"),
    /** SQLite {@code SQLITE_NOTADB}: the file is not a SQLite database. */
    NOT_A_DATABASE("not a database"),
    /** A database with tables of its own and no catalog schema history: another program's. */
    NOT_A_CATALOG("not a catalog database"),
    /** SQLite {@code SQLITE_CORRUPT}: the file is damaged. */
    CORRUPT("database corrupt"),
    /** SQLite {@code SQLITE_IOERR} / {@code SQLITE_CANTOPEN}: the operating system refused a read or a write. */
    IO_ERROR("disk I/O error"),
    /** Anything else: the message carries the driver's own words. */
    OTHER("database error");

    private final String label;

    StorageFailure(String label) {
        this.label = label;
    }

    /** How messages name the condition: {@code disk full}, {@code authentication failed}, … */
    public String label() {
        return label;
    }

    /**
     * Whether the database could not be reached or used at all (as opposed to a statement that failed):
     * asking again later may succeed without anything in the catalog changing.
     */
    public boolean unavailable() {
        return this == CONNECTION_REFUSED || this == UNKNOWN_HOST || this == TIMED_OUT || this == CONNECTION_LOST
                || this == LOCKED;
    }
}
