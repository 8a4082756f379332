package io.freecast.catalog.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Select;
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
 *   <li>the known values beyond the cursor: its ties beyond its id ({@code col = ? AND id > ?}), then the
 *       values beyond it ({@code col > ?}); or {@code col IS NOT NULL} from the list's start;</li>
 *   <li>the unknown ones: {@code col IS NULL}, beyond the cursor's id when the cursor is itself unknown.</li>
 * </ul>
 *
 * <p>A page needing more than one range is still one statement: each range, at most the page's length of
 * ids read from the index alone, in a {@code UNION ALL}, ordered by which range, then the order, cut to the
 * page; only those ids are then read from the table, by primary key. A page of one range has no union.
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
        List<Condition> known = switch (start) {
            case FIRST -> List.of(column.isNotNull());
            // The cursor's ties beyond its id, then the values beyond it: each an index range that starts at
            // its first row. (One row comparison (col, id) > (?, ?) is that on PostgreSQL, but SQLite ranges
            // over the column only and reads the ties before the cursor: thousands of rows for a rating.)
            case BEYOND_VALUE -> List.of(column.eq(value).and(idBeyond), descending ? column.lt(value) : column.gt(value));
            // Beyond an unknown value: the known ones come after it only when the unknown ones come first.
            case BEYOND_UNKNOWN -> nullsFirst ? List.of(column.isNotNull()) : List.of();
        };
        List<Condition> unknown = switch (start) {
            case FIRST -> List.of(column.isNull());
            // Beyond a known value: the unknown ones come after it only when they come last.
            case BEYOND_VALUE -> nullsFirst ? List.of() : List.of(column.isNull());
            case BEYOND_UNKNOWN -> List.of(column.isNull().and(idBeyond));
        };
        List<Condition> ranges = new ArrayList<>(known.size() + unknown.size());
        ranges.addAll(nullsFirst ? unknown : known);
        ranges.addAll(nullsFirst ? known : unknown);
        // Inside every range the index's order, "column, id" — for the unknown values too, though they are all
        // NULL: PostgreSQL (unlike SQLite) would not otherwise see that an "IS NULL" range of it is by id.
        List<OrderField<?>> order = List.of(descending ? column.desc() : column.asc(), descending ? id.desc() : id.asc());
        if (ranges.size() == 1) {
            return DSL.select(selected).from(table).where(where).and(ranges.getFirst()).orderBy(order).limit(limit);
        }
        Field<Long> keyId = DSL.field(DSL.name("key_id"), Long.class);
        Field<Integer> part = DSL.field(DSL.name("part"), Integer.class);
        Field<V> keyValue = DSL.field(DSL.name("key_value"), column.getDataType());
        Select<Record> arms = null;
        for (int i = 0; i < ranges.size(); i++) {
            Table<?> range = DSL.select(id.as(keyId), column.as(keyValue), DSL.inline(i).as(part))
                    .from(table).where(where).and(ranges.get(i)).orderBy(order).limit(limit).asTable("range_" + i);
            Select<Record> arm = DSL.select(DSL.asterisk()).from(range);
            arms = arms == null ? arm : arms.unionAll(arm);
        }
        Table<?> parts = arms.asTable(ARMS);
        Table<?> keys = DSL.select(parts.field(keyId), parts.field(keyValue), parts.field(part)).from(parts)
                .orderBy(keysOrder(parts.field(part), parts.field(keyValue), parts.field(keyId), descending))
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
