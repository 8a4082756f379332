package io.freecast.catalog.jdbc.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * The titles one open transaction's upserts added and renamed, per list ({@code movie}, {@code show}),
 * acted on as the transaction's last statements ({@link JooqTransactions}):
 *
 * <ul>
 *   <li><b>SQLite:</b> its triggers have counted everything already; a large number of added titles has the
 *       list's search index merged ({@link NewTitles#tidyIndex}).</li>
 *   <li><b>PostgreSQL:</b> the triggers skipped the upserts' statements (the transaction-local setting
 *       {@code catalog.import_counts_titles}, migrations V11 and V13), and one {@code UPDATE} per list writes
 *       {@code title_count} here: the added titles to its total, and to its change counter what the triggers
 *       would have added (one per batch of new titles, one per renamed title). Written last because the first
 *       write locks that row until the commit: written at the first batch, every other writer of the list (a
 *       person adding, renaming or deleting a title) waited behind an import's transaction — minutes at a
 *       million titles, past the 4 s statement limit.</li>
 * </ul>
 */
final class TitleWrites {

    private final Map<String, Long> added = new HashMap<>();
    /**
     * Per list, what its triggers would have added to the change counter: one per batch of new titles, one per
     * renamed title (the counter also tells {@link TitleTrigrams} when its sample is old).
     */
    private final Map<String, Long> changes = new HashMap<>();

    /** A batch of {@code titles} new titles of the list {@code kind}. */
    void added(String kind, long titles) {
        added.merge(kind, titles, Long::sum);
        changes.merge(kind, 1L, Long::sum);
    }

    void renamed(String kind) {
        changes.merge(kind, 1L, Long::sum);
    }

    /** The last statements of the transaction that wrote them. */
    void beforeCommit(DSLContext dsl, DatabaseKind database) {
        if (database == DatabaseKind.SQLITE) {
            added.forEach((kind, titles) -> NewTitles.tidyIndex(dsl, kind, titles));
            return;
        }
        // One order for every transaction, so two never wait for each other's row.
        for (String kind : new TreeSet<>(changes.keySet())) {
            dsl.execute("UPDATE title_count SET total = total + ?, changes = changes + ? WHERE kind = ?",
                    added.getOrDefault(kind, 0L), changes.get(kind), kind);
        }
    }
}
