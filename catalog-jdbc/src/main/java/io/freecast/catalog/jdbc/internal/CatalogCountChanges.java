package io.freecast.catalog.jdbc.internal;

import org.jooq.DSLContext;

/**
 * PostgreSQL's {@code catalog_count_change} (migration V13): one row per writing statement, whose sums per kind
 * are the admin dashboard's counts. Its rows are folded into one per kind by the dashboard's own statement
 * when there are many, and after every import (which adds one per batch statement: about 63,000 for a
 * million titles), so the table stays small whether or not anyone reads the dashboard.
 */
final class CatalogCountChanges {

    static final String TABLE = "catalog_count_change";

    private CatalogCountChanges() {
    }

    /**
     * The two {@code WITH} queries that fold the rows when {@code condition} holds: delete every row this
     * statement sees and insert their sums, one row per kind. Rows another transaction has not committed are
     * neither seen nor touched; a second fold at the same moment waits for the first and then finds its rows
     * gone, so nothing is counted twice.
     */
    static String folding(String condition) {
        return """
                folded AS (
                    DELETE FROM catalog_count_change WHERE %s RETURNING kind, delta
                ), refolded AS (
                    INSERT INTO catalog_count_change (kind, delta) SELECT kind, sum(delta) FROM folded GROUP BY kind
                )""".formatted(condition);
    }

    /** Folds every row, in a statement of its own (after an import that wrote some); why it could not, or null. */
    static String fold(DSLContext own) {
        try {
            own.fetch("WITH " + folding("TRUE") + " SELECT count(*) FROM folded");
            return null;
        } catch (RuntimeException e) {
            return PlannerStatistics.failureLine(e);
        }
    }
}
