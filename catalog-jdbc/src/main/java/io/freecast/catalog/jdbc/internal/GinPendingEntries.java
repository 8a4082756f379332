package io.freecast.catalog.jdbc.internal;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * PostgreSQL's GIN indexes — the title searches' trigrams (V6) and short texts (V15) — take a new row's entries
 * into an unsorted <em>pending list</em> and merge them into the index in bulk only once the list passes
 * {@code gin_pending_list_limit} (4 MB by default), or when the table is vacuumed or analysed by autovacuum. Every
 * search through the index reads the whole list. An import leaves up to 4 MB of it behind, and nothing merged it:
 * the store's own {@code ANALYZE} ({@link PlannerStatistics}) does not (only autovacuum's does), and where
 * autovacuum is off it never happens. At 20,000 movies 382 pending pages made a search for {@code zebra} take
 * 3.8 ms instead of 0.1 ms (and the planner, pricing the index by its size, then walked the table instead); at a
 * million titles, merged, {@code zebra} served 58% more requests a second and {@code zq} 3.7 times as many
 * (README, "Scale: a million titles").
 *
 * <p>So after an import has committed, the store merges the pending entries of the GIN indexes of the tables it
 * wrote ({@code gin_clean_pending_list}), on a connection of its own, as autovacuum would have done later. A few
 * rows written by hand afterwards leave a few entries pending, which costs searches next to nothing. Merging is
 * silent when it works, like the other upkeep after an import; when it cannot be done (only the index's owner
 * may), the import's report says so and the import stays as committed.
 */
final class GinPendingEntries {

    /** Merges the pending lists of every GIN index on the given tables; the pages merged. */
    private static final String MERGE = """
            SELECT coalesce(sum(gin_clean_pending_list(i.indexrelid::regclass)), 0)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am a ON a.oid = c.relam
            WHERE a.amname = 'gin' AND i.indrelid = ANY (CAST({0} AS regclass[]))""";

    private GinPendingEntries() {
    }

    /**
     * Merges the pending entries of the GIN indexes on the tables the import wrote, on {@code own}; why it could
     * not, or null (also when there was nothing to merge, and always on SQLite, which has no GIN).
     */
    static String merge(DSLContext own, AnswerTimeouts answers, List<PlannerStatistics.TableWrites> written) {
        if (written.isEmpty() || DatabaseKind.of(own) != DatabaseKind.POSTGRESQL) {
            return null;
        }
        String[] tables = written.stream()
                .map(table -> own.render(DSL.name(table.schema(), table.table())))
                .toArray(String[]::new);
        try {
            // Merging 4 MB of entries into a large index may take longer than an ordinary round trip may wait.
            answers.withLongWork(own, connection -> connection.fetchValue(MERGE, DSL.val(tables)));
            return null;
        } catch (RuntimeException e) {
            return PlannerStatistics.failureLine(e);
        }
    }
}
