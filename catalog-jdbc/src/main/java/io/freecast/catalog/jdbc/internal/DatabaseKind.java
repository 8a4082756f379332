package io.freecast.catalog.jdbc.internal;

import java.util.Locale;
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

    /**
     * The kind a live connection reports (JDBC metadata's product name), so the migration folder always
     * matches the database actually reached, never a guess from the URL.
     */
    static DatabaseKind fromProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("unsupported database product '" + productName + "'");
    }
}
