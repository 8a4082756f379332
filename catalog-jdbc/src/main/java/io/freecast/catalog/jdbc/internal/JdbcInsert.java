package io.freecast.catalog.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * A single-row {@code INSERT} whose SQL jOOQ renders once (on first use), from the generated table and
 * column constants, and which then runs as plain JDBC batches.
 *
 * <p>Why not a jOOQ query per chunk: the import benchmark's profile showed a fresh import spending about
 * a third of its CPU in jOOQ building, rendering and binding multi-row inserts (a new query tree, a new
 * SQL text for SQLite to parse, and several objects per bound value). One prepared statement fed by
 * {@code addBatch} is what the plain JDBC baseline does; this class does the same inside the caller's
 * transaction (the connection comes from {@link DSLContext#connection}) and still reports each batch
 * once to the statement listeners, like a jOOQ batch.
 *
 * <p>Values are bound by the {@link ValueBinder} jOOQ's queries use too, so rows read back identically
 * whichever path wrote them. A {@code null} is bound with its column's SQL type, which PostgreSQL needs.
 */
final class JdbcInsert {

    /** Rows per JDBC batch: bounds the driver's buffered binds, not the number of round trips that matter. */
    static final int BATCH_ROWS = 1_000;

    /** The statement's text and each column's JDBC type, for binding {@code null}s. */
    private record Rendered(String sql, int[] sqlTypes) {
    }

    private final OnFirstUse<Rendered> rendered;
    private final ValueBinder binder;

    JdbcInsert(DSLContext dsl, Table<?> table, List<Field<?>> columns) {
        this.rendered = new OnFirstUse<>(() -> new Rendered(
                dsl.render(dsl.insertInto(table).columns(columns).values(Collections.nCopies(columns.size(), null))),
                columns.stream().mapToInt(column -> column.getDataType().getSQLType(dsl.configuration())).toArray()));
        this.binder = DatabaseKind.of(dsl).binder();
    }

    /** Inserts {@code rows} (values in column order) through {@code dsl}'s current connection. */
    void execute(DSLContext dsl, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = rendered.get().sql();
        int[] sqlTypes = rendered.get().sqlTypes();
        dsl.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Binder binder = new Binder(statement);
                for (List<? extends List<?>> chunk : Batches.chunks(rows, BATCH_ROWS)) {
                    for (List<?> row : chunk) {
                        for (int i = 0; i < sqlTypes.length; i++) {
                            binder.bind(i + 1, sqlTypes[i], row.get(i));
                        }
                        statement.addBatch();
                    }
                    StatementListener.report(dsl.configuration(), sql);
                    statement.executeBatch();
                }
            }
        });
    }

    /** Binds one statement's values; lives for one {@link #execute} call. */
    private final class Binder {

        private final PreparedStatement statement;
        // Every row of a batch carries the same created/updated time: format it once, not once per row.
        private LocalDateTime lastTime;
        private String lastTimeText;

        Binder(PreparedStatement statement) {
            this.statement = statement;
        }

        void bind(int index, int sqlType, Object value) throws SQLException {
            if (value instanceof LocalDateTime time && binder.datesAsText()) {
                if (!time.equals(lastTime)) {
                    lastTime = time;
                    lastTimeText = ValueBinder.text(time);
                }
                statement.setString(index, lastTimeText);
            } else {
                binder.bind(statement, index, value, sqlType);
            }
        }
    }
}
