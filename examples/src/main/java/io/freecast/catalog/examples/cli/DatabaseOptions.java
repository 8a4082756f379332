package io.freecast.catalog.examples.cli;

import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --db}: where the catalog lives, and {@code --db-answer-timeout}: how long its server may stay silent.
 * Shared by every command (a picocli mixin).
 */
public final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", defaultValue = "${env:CATALOG_DB:-./catalog.db}",
            description = "SQLite file path or JDBC URL (jdbc:sqlite:…, jdbc:postgresql://…). "
                    + "Env: CATALOG_DB. Default: ${DEFAULT-VALUE}")
    String db;

    @Option(names = "--db-answer-timeout", paramLabel = "DURATION",
            defaultValue = "${env:CATALOG_DB_ANSWER_TIMEOUT:-5s}",
            description = "PostgreSQL: how long one round trip waits for the server's answer before it is taken "
                    + "for gone (its connections given up, requests refused until it answers again); a statement "
                    + "runs at most four fifths of it. 0 for no bound, else 1s to 24d. A socketTimeout in the --db "
                    + "URL wins. Env: CATALOG_DB_ANSWER_TIMEOUT. Default: ${DEFAULT-VALUE}")
    String answerTimeout;

    public String db() {
        return db;
    }

    /**
     * {@code --db-answer-timeout}: the one duration grammar, then the store's own range — checked before
     * anything opens, with the flag and variable named instead of the library's setting.
     */
    public Duration answerTimeout() {
        return answerTimeout(answerTimeout);
    }

    static Duration answerTimeout(String text) {
        return LauncherTerms.duration(text, JdbcCatalogStore.ANSWER_TIMEOUT, "5s or 1m, or 0",
                JdbcCatalogStore::requireAnswerTimeout);
    }
}
