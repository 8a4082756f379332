package io.freecast.catalog.jdbc.internal;

import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * SQLite's two ways to steer its planner, which has no statistics here (the store never runs {@code ANALYZE} on
 * SQLite: {@link PlannerStatistics}): forbid an index for one term or one order, or require one index for a table. Used where SQLite's default choice
 * was measured to read a large part of the catalog (see each caller); SQLite only.
 */
final class SqlitePlanHints {

    private SqlitePlanHints() {
    }

    /**
     * The column's value behind a unary {@code +}: the same value, which the planner can neither look up in the
     * column's index nor walk in that index's order.
     */
    static <T> Field<T> notThroughAnIndex(Field<T> column) {
        return DSL.field("+{0}", column.getDataType(), column);
    }

    /**
     * The table read through the named index ({@code INDEXED BY}). Without it SQLite may prefer another: for the
     * inactive sources of one kind, {@code ix_source_inactive (is_active, id)}, every inactive source of both kinds,
     * each row read for its owner (36 ms a page of shows with 40,000 inactive movie sources). A statement naming an
     * index that cannot serve it fails to prepare, rather than reading another way.
     */
    static Table<?> indexedBy(Table<?> table, Index index) {
        return DSL.table("{0} indexed by {1}", table, DSL.name(index.getName()));
    }
}
