package io.freecast.catalog.jdbc.internal;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The databases the catalog runs on, and everything that differs between them: the one place in this
 * module that tells SQLite from PostgreSQL. Other classes ask their kind a question (does it keep times as
 * text? does it allow one writer at a time?) instead of comparing dialects themselves.
 */
public enum DatabaseKind {
    SQLITE("SQLite", SQLDialect.SQLITE, "sqlite", 8),
    POSTGRESQL("PostgreSQL", SQLDialect.POSTGRES, "postgresql", 10);

    private final String displayName;
    private final SQLDialect dialect;
    private final String migrationFolder;
    private final int defaultPoolSize;
    private final ValueBinder binder;

    DatabaseKind(String displayName, SQLDialect dialect, String migrationFolder, int defaultPoolSize) {
        this.displayName = displayName;
        this.dialect = dialect;
        this.migrationFolder = migrationFolder;
        this.defaultPoolSize = defaultPoolSize;
        this.binder = new ValueBinder(dialect == SQLDialect.SQLITE);
    }

    /** The kind a jOOQ configuration talks to (jOOQ's bindings and the store's own statements agree on it). */
    static DatabaseKind of(SQLDialect dialect) {
        return dialect.family() == SQLDialect.SQLITE ? SQLITE : POSTGRESQL;
    }

    static DatabaseKind of(DSLContext dsl) {
        return of(dsl.dialect());
    }

    public String displayName() {
        return displayName;
    }

    SQLDialect dialect() {
        return dialect;
    }

    /** The Flyway location of this database's migration scripts. */
    String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /** Connections a store opens unless told otherwise: SQLite serialises writers, so fewer do. */
    public int defaultPoolSize() {
        return defaultPoolSize;
    }

    /** How values are bound to statements and read back: SQLite keeps dates and times as text. */
    ValueBinder binder() {
        return binder;
    }

    /**
     * Whether a read-then-write transaction locks the rows it read ({@code SELECT … FOR UPDATE}):
     * PostgreSQL's rows, while SQLite's immediate transactions hold the whole database already.
     */
    boolean locksRowsForUpdate() {
        return this == POSTGRESQL;
    }

    /**
     * Whether the store analyses the tables a bulk write changed much, after it commits ({@link PlannerStatistics}):
     * PostgreSQL plans from statistics nothing else gathers where autovacuum is off; SQLite's read path is planned
     * for, and best, without any.
     */
    boolean analysesAfterBulkWrites() {
        return this == POSTGRESQL;
    }

    /** SQLite allows one writer at a time: writers in one process queue on a lock rather than on busy errors. */
    boolean hasSingleWriter() {
        return this == SQLITE;
    }

    /**
     * SQLite prepares a statement in the engine on every {@code prepareStatement}; keeping them per
     * connection pays. PostgreSQL's driver caches server-side statements itself.
     */
    boolean keepsPreparedStatements() {
        return this == SQLITE;
    }

    /**
     * Text is read as UTF-8 bytes and decoded here on SQLite (the driver's {@code getString} goes through a
     * JNI round trip per value); PostgreSQL's driver decodes it well.
     */
    boolean readsTextAsBytes() {
        return this == SQLITE;
    }

    /**
     * The statement that reserves new row ids for a table: SQLite reads the largest id ever given
     * ({@code sqlite_sequence}, or the table's max), PostgreSQL draws them from the identity's sequence.
     *
     * @param table the rendered table name
     */
    String reserveIdsSql(String table) {
        return this == SQLITE
                ? "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), "
                        + "coalesce((SELECT max(id) FROM " + table + "), 0))"
                : "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)";
    }

    /** Whether {@link #reserveIdsSql} answers the largest id given so far (else: one row per new id). */
    boolean reservesIdsAfterLargest() {
        return this == SQLITE;
    }
}
