package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Ids for the rows of one table that an upsert is about to insert, taken before the insert: rows go in
 * with their ids, and a new show's seasons or a new movie's sources can refer to it without reading ids
 * back after each batch (an extra query per batch that the import benchmark measured at 8–16% of a fresh
 * import's CPU). This is also what the plain JDBC baseline does.
 *
 * <p>Why not generated keys: sqlite-jdbc has none for a JDBC batch (its {@code getGeneratedKeys} knew
 * only {@code last_insert_rowid()}, one id), and SQLite does not promise the rows of a multi-row
 * {@code INSERT … RETURNING} in insert order.
 *
 * <ul>
 *   <li><b>PostgreSQL:</b> values of the id column's own identity sequence ({@code nextval}), so
 *       concurrent writers and later default-id inserts never collide with them.</li>
 *   <li><b>SQLite:</b> the ids after the largest one the table ever used — the larger of
 *       {@code sqlite_sequence} (what {@code AUTOINCREMENT} keeps, so ids of deleted rows are never given
 *       again) and {@code max(id)}. The caller must insert them in the same transaction, before any other
 *       insert into the table. An import's transaction holds SQLite's single write lock from its start
 *       ({@code BEGIN IMMEDIATE}), so no other writer can take them in between; were one ever to, the
 *       insert would fail on the primary key (or SQLite would refuse the stale transaction), and the
 *       transaction would roll back — never two rows with one id.</li>
 * </ul>
 */
final class NewRowIds {

    private final OnFirstUse<String> sql;
    /** Whether the statement answers the largest id given so far (SQLite) rather than the new ids. */
    private final boolean sqlite;
    private final String tableName;

    NewRowIds(DSLContext dsl, Table<?> table) {
        DatabaseKind kind = DatabaseKind.of(dsl);
        this.sqlite = kind.reservesIdsAfterLargest();
        this.tableName = table.getName();
        this.sql = new OnFirstUse<>(() -> kind.reserveIdsSql(dsl.render(table)));
    }

    /** {@code count} ids no row of the table has or had, for rows inserted next in this transaction. */
    long[] reserve(DSLContext dsl, int count) {
        if (count == 0) {
            return new long[0];
        }
        StatementListener.report(dsl.configuration(), sql.get());
        return dsl.connectionResult(connection -> sqlite
                ? afterLargest(connection, count)
                : fromSequence(connection, count));
    }

    private long[] afterLargest(Connection connection, int count) throws SQLException {
        long largest;
        try (PreparedStatement statement = connection.prepareStatement(sql.get())) {
            statement.setString(1, tableName);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                largest = row.getLong(1);
            }
        }
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = largest + 1 + i;
        }
        return ids;
    }

    private long[] fromSequence(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement statement = connection.prepareStatement(sql.get())) {
            statement.setString(1, tableName);
            statement.setInt(2, count);
            try (ResultSet rows = statement.executeQuery()) {
                int i = 0;
                while (rows.next()) {
                    ids[i++] = rows.getLong(1);
                }
                if (i != count) {
                    throw new SQLException("the id sequence of " + tableName + " gave " + i + " ids for " + count);
                }
            }
        }
        return ids;
    }
}
