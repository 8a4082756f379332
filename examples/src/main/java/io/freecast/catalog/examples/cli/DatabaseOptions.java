package io.freecast.catalog.examples.cli;

import picocli.CommandLine.Option;

/** {@code --db}: where the catalog lives. Shared by every command (a picocli mixin). */
public final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", defaultValue = "${env:CATALOG_DB:-./catalog.db}",
            description = "SQLite file path or JDBC URL (jdbc:sqlite:…, jdbc:postgresql://…). "
                    + "Env: CATALOG_DB. Default: ${DEFAULT-VALUE}")
    String db;

    public String db() {
        return db;
    }
}
