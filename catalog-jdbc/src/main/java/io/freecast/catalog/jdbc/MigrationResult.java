package io.freecast.catalog.jdbc;

import java.util.List;

/**
 * What a migration did: what the CLI's {@code migrate} command prints.
 *
 * @param database      the database product and where it is, without credentials
 * @param versionBefore the schema version before; {@code null} for an empty database
 * @param versionAfter  the schema version now
 * @param applied       the migrations applied by this call, in order ({@code "1 catalog schema"}); empty
 *                      when the schema was already current
 */
public record MigrationResult(String database, String versionBefore, String versionAfter, List<String> applied) {

    public MigrationResult {
        applied = List.copyOf(applied);
    }

    /** One line for a terminal: {@code SQLite catalog.db: schema 1 (up to date)}. */
    public String summary() {
        if (applied.isEmpty()) {
            return database + ": schema " + versionAfter + " (up to date)";
        }
        return database + ": schema " + (versionBefore == null ? "empty" : versionBefore) + " -> " + versionAfter
                + " (applied " + String.join(", ", applied) + ")";
    }
}
