package io.freecast.catalog.jdbc.internal;

import org.jooq.SQLDialect;

/** The databases the catalog runs on, and what differs between them. */
public enum DatabaseKind {
    SQLITE("SQLite", SQLDialect.SQLITE, "sqlite"),
    POSTGRESQL("PostgreSQL", SQLDialect.POSTGRES, "postgresql");

    private final String displayName;
    private final SQLDialect dialect;
    private final String migrationFolder;

    DatabaseKind(String displayName, SQLDialect dialect, String migrationFolder) {
        this.displayName = displayName;
        this.dialect = dialect;
        this.migrationFolder = migrationFolder;
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
}
