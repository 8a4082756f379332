package io.freecast.catalog.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * {@code SELECT columns FROM table WHERE key IN (?, …)} for up to {@link Batches#ROWS} keys: the SQL is rendered
 * once (on first use), with {@link Batches#ROWS} placeholders (unused ones bound to {@code NULL}, which matches nothing),
 * and runs as a plain prepared statement; jOOQ still reads the rows, with the same bindings as any query.
 *
 * <p>Why: every upsert batch starts by loading what is stored for its keys, and on a fresh import that
 * finds nothing — yet building, rendering and binding a 500-element {@code IN} list through jOOQ cost
 * about 9% of the import benchmark's CPU. This keeps that lookup at what the database itself needs. On a
 * re-import it finds every row, so it reads only the columns compared (not the timestamps, whose
 * parsing is the dearest part of reading a row on SQLite).
 */
final class RowsByKey<R extends TableRecord<R>> {

    private final Table<R> table;
    private final Field<?>[] columns;
    private final OnFirstUse<String> sql;

    /** @param columns the columns an upsert compares; the records answered leave the others {@code null} */
    RowsByKey(DSLContext dsl, Table<R> table, Field<String> key, List<Field<?>> columns) {
        this.table = table;
        this.columns = columns.toArray(Field<?>[]::new);
        this.sql = new OnFirstUse<>(() -> {
            List<Field<String>> placeholders = IntStream.range(0, Batches.ROWS)
                    .<Field<String>>mapToObj(i -> DSL.param("key" + i, String.class)).toList();
            return dsl.render(dsl.select(columns).from(table).where(key.in(placeholders)));
        });
    }

    /** The stored rows whose key is one of {@code keys} (at most {@link Batches#ROWS}), in no particular order. */
    Result<R> fetch(DSLContext dsl, List<String> keys) {
        if (keys.size() > Batches.ROWS) {
            throw new IllegalArgumentException(keys.size() + " keys for one lookup; at most " + Batches.ROWS);
        }
        String text = sql.get();
        StatementListener.report(dsl.configuration(), text);
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(text)) {
                for (int i = 0; i < Batches.ROWS; i++) {
                    if (i < keys.size()) {
                        statement.setString(i + 1, keys.get(i));
                    } else {
                        statement.setNull(i + 1, Types.VARCHAR);
                    }
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return dsl.fetch(rows, columns).into(table);
                }
            }
        });
    }
}
