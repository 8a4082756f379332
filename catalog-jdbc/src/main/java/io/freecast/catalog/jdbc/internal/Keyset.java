package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Cursor.Direction;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.impl.DSL;

/**
 * Keyset paging over an order "sort column (ascending or descending, unknown values last), then id in the
 * same direction". A page after a cursor is the rows beyond the cursor's (value, id) in that order; a
 * page before it is the rows beyond it in the reversed order (unknown values first), read in reverse.
 * Each page costs one query whatever its depth in the list: no OFFSET.
 */
final class Keyset {

    private Keyset() {
    }

    /** Where a page's edge row sits: its sort value in text form ({@code null} when unknown) and its id. */
    record Boundary(String sortValue, long id) {
    }

    /**
     * The rows strictly beyond {@code (value, boundaryId)} in the order {@code column} (descending or not,
     * nulls first or last), {@code id} (same direction). A {@code null} column means "order by id only".
     */
    static <T> Condition beyond(Field<T> column, T value, Field<Long> id, long boundaryId, boolean descending,
                                boolean nullsFirst) {
        return beyond(column, value == null ? null : DSL.val(value, column), id, DSL.val(boundaryId), descending,
                nullsFirst);
    }

    /**
     * The same, with the boundary as fields (e.g. named parameters of a statement rendered once):
     * {@code value} is {@code null} when the boundary's sort value is unknown.
     */
    static <T> Condition beyond(Field<T> column, Field<T> value, Field<Long> id, Field<Long> boundaryId,
                                boolean descending, boolean nullsFirst) {
        Condition idBeyond = descending ? id.lt(boundaryId) : id.gt(boundaryId);
        if (column == null) {
            return idBeyond;
        }
        if (value == null) {
            Condition sameNull = column.isNull().and(idBeyond);
            return nullsFirst ? sameNull.or(column.isNotNull()) : sameNull;
        }
        Condition valueBeyond = descending ? column.lt(value) : column.gt(value);
        Condition beyond = valueBeyond.or(column.eq(value).and(idBeyond));
        return nullsFirst ? beyond : beyond.or(column.isNull());
    }

    /** The ORDER BY of that order. */
    static List<OrderField<?>> orderBy(Field<?> column, Field<Long> id, boolean descending, boolean nullsFirst) {
        List<OrderField<?>> order = new ArrayList<>(2);
        if (column != null) {
            var sorted = descending ? column.desc() : column.asc();
            order.add(nullsFirst ? sorted.nullsFirst() : sorted.nullsLast());
        }
        order.add(descending ? id.desc() : id.asc());
        return order;
    }

    /** Whether a request reads backwards from its cursor. */
    static boolean backwards(PageRequest page) {
        return page.cursor() != null && page.cursor().direction() == Direction.BEFORE;
    }

    /**
     * Builds the page from the rows a query returned: at most {@code limit + 1} rows in query order
     * (reversed for a backward read), the extra row only telling that more exist.
     */
    static <R> Page<R> page(List<R> fetched, PageRequest request, String sort, Function<R, Boundary> boundary,
                            long total) {
        boolean backwards = backwards(request);
        boolean more = fetched.size() > request.limit();
        List<R> items = new ArrayList<>(fetched.subList(0, Math.min(request.limit(), fetched.size())));
        if (backwards) {
            Collections.reverse(items);
        }
        if (items.isEmpty()) {
            return new Page<>(items, null, null, total);
        }
        Boundary first = boundary.apply(items.getFirst());
        Boundary last = boundary.apply(items.getLast());
        Cursor next;
        Cursor previous;
        if (backwards) {
            next = new Cursor(sort, Direction.AFTER, last.sortValue(), last.id());
            previous = more ? new Cursor(sort, Direction.BEFORE, first.sortValue(), first.id()) : null;
        } else {
            next = more ? new Cursor(sort, Direction.AFTER, last.sortValue(), last.id()) : null;
            previous = request.cursor() == null ? null : new Cursor(sort, Direction.BEFORE, first.sortValue(), first.id());
        }
        return new Page<>(items, next, previous, total);
    }

    /** For a {@code LIKE} pattern: {@code %}, {@code _} and the escape character itself match literally. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code column} matches a {@link #containsPattern}, given as a field. */
    static Condition contains(Field<String> column, Field<String> pattern) {
        return column.like(pattern, '\\');
    }

    /** The {@code LIKE} pattern of "contains {@code text} literally". */
    static String containsPattern(String text) {
        return "%" + escapeLike(text) + "%";
    }

    static IllegalArgumentException malformedCursor() {
        return new IllegalArgumentException("cursor is malformed; use the value from a Link header as it is");
    }
}
