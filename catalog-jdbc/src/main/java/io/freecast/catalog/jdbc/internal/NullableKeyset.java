package io.freecast.catalog.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Param;
import org.jooq.Select;
import org.jooq.SelectLimitPercentStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A page of a list sorted by a nullable column (a rating, a date), read as two ranges of that column's
 * {@code (column, id)} index instead of one filtered walk of it.
 *
 * <p>The order is "known values in the column's direction, then id; the unknown ones (NULL) all together
 * at one end, by id". Written as one condition — {@code col > ? OR (col = ? AND id > ?) OR col IS NULL} —
 * no database can start at the cursor's place in the index: SQLite walked the index from its start, so
 * page 10,000 cost thousands of times page 1; and neither database's index keeps NULLs at the end that the
 * order wants in both directions (SQLite sorts them first, PostgreSQL last), so page 1 of one direction
 * sorted the whole table. Split in two, each part is a range whose start the index finds:
 *
 * <ul>
 *   <li>the known values beyond the cursor: the row comparison {@code (col, id) > (?, ?)} (which is never
 *       true for a NULL), or {@code col IS NOT NULL} from the list's start;</li>
 *   <li>the unknown ones: {@code col IS NULL}, beyond the cursor's id when the cursor is itself unknown.</li>
 * </ul>
 *
 * <p>A page needing both (the one where the known values end) is still one statement: each part, at most
 * the page's length of ids read from the index alone, in a {@code UNION ALL}, ordered by which part, then
 * the order, cut to the page; only those ids are then read from the table, by primary key. A page inside
 * one part has one range and no union.
 */
final class NullableKeyset {

    /** Where a page starts, as {@link TitlePages} knows it. */
    enum Start { FIRST, BEYOND_VALUE, BEYOND_UNKNOWN }

    private static final String KEYS = "page_keys";
    private static final String ARMS = "page_arms";

    private NullableKeyset() {
    }

    /**
     * The page's statement.
     *
     * @param selected   the columns read, from {@code table}
     * @param where      what every row of the list satisfies (filters), or no condition
     * @param value      the cursor's sort value (a named parameter), used when {@code start} is BEYOND_VALUE
     * @param after      the cursor's id (a named parameter)
     * @param limit      the page's length plus one (a named parameter)
     * @param nullsFirst the unknown values come first (a backward read), else last
     */
    static <V> Select<?> page(List<Field<?>> selected, Table<?> table, Field<Long> id, Field<V> column,
                              Condition where, Start start, boolean descending, boolean nullsFirst,
                              Field<V> value, Field<Long> after, Param<Integer> limit) {
        Condition idBeyond = descending ? id.lt(after) : id.gt(after);
        Condition known = switch (start) {
            case FIRST -> column.isNotNull();
            case BEYOND_VALUE -> descending
                    ? DSL.row(column, id).lt(DSL.row(value, after))
                    : DSL.row(column, id).gt(DSL.row(value, after));
            // Beyond an unknown value: the known ones come after it only when the unknown ones come first.
            case BEYOND_UNKNOWN -> nullsFirst ? column.isNotNull() : null;
        };
        Condition unknown = switch (start) {
            case FIRST -> column.isNull();
            // Beyond a known value: the unknown ones come after it only when they come last.
            case BEYOND_VALUE -> nullsFirst ? null : column.isNull();
            case BEYOND_UNKNOWN -> column.isNull().and(idBeyond);
        };
        List<OrderField<?>> knownOrder = List.of(descending ? column.desc() : column.asc(),
                descending ? id.desc() : id.asc());
        // The unknown part in the same order, though its values are all NULL: "column, id" is the index's order,
        // which PostgreSQL (unlike SQLite) would not otherwise see an "IS NULL" range of it gives by id.
        List<OrderField<?>> unknownOrder = knownOrder;
        if (known == null || unknown == null) {
            // One range: the page is a plain walk of it.
            return DSL.select(selected).from(table).where(where).and(known != null ? known : unknown)
                    .orderBy(known != null ? knownOrder : unknownOrder).limit(limit);
        }
        Field<Long> keyId = DSL.field(DSL.name("key_id"), Long.class);
        Field<Integer> part = DSL.field(DSL.name("part"), Integer.class);
        Field<V> keyValue = DSL.field(DSL.name("key_value"), column.getDataType());
        // The first part of the order is number 0.
        SelectLimitPercentStep<?> knownKeys = DSL.select(id.as(keyId), column.as(keyValue),
                        DSL.inline(nullsFirst ? 1 : 0).as(part))
                .from(table).where(where).and(known).orderBy(knownOrder).limit(limit);
        SelectLimitPercentStep<?> unknownKeys = DSL.select(id.as(keyId), column.as(keyValue),
                        DSL.inline(nullsFirst ? 0 : 1).as(part))
                .from(table).where(where).and(unknown).orderBy(unknownOrder).limit(limit);
        Table<?> arms = DSL.select(DSL.asterisk()).from(knownKeys.asTable("known_keys"))
                .unionAll(DSL.select(DSL.asterisk()).from(unknownKeys.asTable("unknown_keys")))
                .asTable(ARMS);
        Table<?> keys = DSL.select(arms.field(keyId), arms.field(keyValue), arms.field(part)).from(arms)
                .orderBy(keysOrder(arms.field(part), arms.field(keyValue), arms.field(keyId), descending))
                .limit(limit).asTable(KEYS);
        return DSL.select(selected).from(table).join(keys).on(id.eq(keys.field(keyId)))
                .orderBy(keysOrder(keys.field(part), keys.field(keyValue), keys.field(keyId), descending));
    }

    /** Part first; inside the known part the value, then the id; inside the unknown one the id. */
    private static List<OrderField<?>> keysOrder(Field<Integer> part, Field<?> value, Field<Long> id,
                                                boolean descending) {
        List<OrderField<?>> order = new ArrayList<>(3);
        order.add(part.asc());
        order.add(descending ? value.desc() : value.asc());
        order.add(descending ? id.desc() : id.asc());
        return order;
    }
}
