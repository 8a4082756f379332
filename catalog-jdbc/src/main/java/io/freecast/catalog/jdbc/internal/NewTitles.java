package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * An import's batch of new shows or movies, inserted and then added to the title search index and to
 * {@code title_count} once for the whole batch or transaction, instead of once per row by the insert triggers
 * (migration V11: per-row indexing and counting made a fresh import about 3x slower). Runs inside
 * {@link JooqTransactions#countingTitles}:
 *
 * <ul>
 *   <li><b>SQLite:</b> the batch's ids (consecutive, from {@link NewRowIds}) open a range in
 *       {@code title_bulk_insert}, which the insert trigger skips; closing it after the insert makes the
 *       database index the range's rows with one {@code INSERT … SELECT} and count them with one
 *       {@code UPDATE} (a trigger on the range, so the count is of the rows really there).</li>
 *   <li><b>PostgreSQL:</b> the count triggers skip the upsert's statements, and the batch's titles are added to
 *       {@code title_count} with the transaction's other title writes, as its last statement
 *       ({@link TitleWrites}). The trigram index is on the column itself and keeps in step without help.</li>
 * </ul>
 *
 * <p>All of it runs in the caller's transaction: rolled back, nothing of it stays; other connections never
 * see the range or the setting. Every other write (renames by hand, deletes, single inserts) stays with the
 * triggers.
 */
final class NewTitles {

    private final JdbcInsert insert;
    private final JooqTransactions transactions;
    private final boolean sqlite;
    private final String kind;

    /** @param insert the table's insert, whose first column is the id */
    NewTitles(DSLContext dsl, Table<?> table, JdbcInsert insert, JooqTransactions transactions) {
        this.insert = insert;
        this.transactions = transactions;
        this.sqlite = DatabaseKind.of(dsl) == DatabaseKind.SQLITE;
        this.kind = table.getName();
    }

    /**
     * Inserts {@code rows} (values in the insert's column order) whose ids are {@code ids}, in the caller's
     * transaction, and indexes and counts them.
     */
    void insert(DSLContext dsl, long[] ids, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (sqlite && !consecutive(ids)) {
            insert.execute(dsl, rows); // the triggers index and count them, row by row
            return;
        }
        transactions.titlesAdded(kind, ids.length);
        if (sqlite) {
            run(dsl, "UPDATE title_bulk_insert SET first_id = ?, last_id = ? WHERE kind = ?",
                    ids[0], ids[ids.length - 1], kind);
            insert.execute(dsl, rows);
            run(dsl, "UPDATE title_bulk_insert SET first_id = NULL, last_id = NULL WHERE kind = ?", kind);
        } else {
            insert.execute(dsl, rows);
        }
    }

    /**
     * SQLite, just before an import's transaction commits: when its new titles are at least an eighth of the
     * list, merges the list's FTS5 index into one b-tree ({@code 'optimize'}). FTS5 writes what an import adds
     * as a new segment each time its pending terms fill (about 1 MB) and merges them only four at a time per
     * level: a fresh import of 1,000,000 titles left 16 segments, each of which every search opened and read
     * (merged, a search's statements cost up to three quarters less: an accented name's page 0.37 → 0.10 ms, a
     * word in no title 0.084 → 0.021 ms; README, "Title search and totals"). It rewrites the whole index
     * (0.15 s at 100,000 titles, about 4 s at 1,000,000), hence only after an import that added a large part of
     * the list; smaller ones leave merging to FTS5 as before.
     */
    static void tidyIndex(DSLContext dsl, String kind, long added) {
        // One statement: the command is inserted only when the list's size says so.
        String index = "title_index_" + kind;
        run(dsl, "INSERT INTO " + index + " (" + index + ") SELECT 'optimize' FROM title_count"
                + " WHERE kind = ? AND ? * 8 >= total", kind, added);
    }

    private static boolean consecutive(long[] ids) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] != ids[0] + i) {
                return false;
            }
        }
        return true;
    }

    private static void run(DSLContext dsl, String sql, Object... binds) {
        StatementListener.report(dsl.configuration(), sql);
        dsl.connection(connection -> execute(connection, sql, binds));
    }

    private static void execute(Connection connection, String sql, Object... binds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            statement.execute();
        }
    }
}
