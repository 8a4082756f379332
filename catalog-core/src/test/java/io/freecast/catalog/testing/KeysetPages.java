package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Cursor.Direction;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import java.util.Comparator;
import java.util.List;

/**
 * Keyset paging over a list held in memory, with the database adapter's rules: the order is a sort value
 * (ascending or descending, unknown values last either way) then the id in the same direction; a page after a
 * cursor is the rows strictly beyond its (value, id), a page before it the rows strictly before it, so a row
 * written or removed between two pages never shifts the others. No offsets.
 */
final class KeysetPages {

    private KeysetPages() {
    }

    /**
     * One row of a list.
     *
     * @param value     what it sorts by; {@code null} when unknown (or when the list is ordered by id alone)
     * @param valueText the value as a cursor carries it; {@code null} when unknown
     */
    record Row<T>(T item, Comparable<Object> value, String valueText, long id) {
    }

    @SuppressWarnings("unchecked")
    static <T> Row<T> row(T item, Comparable<?> value, long id) {
        return new Row<>(item, (Comparable<Object>) value, value == null ? null : textOf(value), id);
    }

    private static String textOf(Comparable<?> value) {
        return value instanceof CodePoints text ? text.value() : value.toString();
    }

    /** The order of a list: by value (unknowns last), then by id, both ascending or both descending. */
    static <T> Comparator<Row<T>> order(boolean descending) {
        return (a, b) -> {
            int byValue;
            if (a.value() == null || b.value() == null) {
                byValue = a.value() == null && b.value() == null ? 0 : a.value() == null ? 1 : -1;
            } else {
                byValue = descending ? -a.value().compareTo(b.value()) : a.value().compareTo(b.value());
            }
            if (byValue != 0) {
                return byValue;
            }
            return descending ? -Long.compare(a.id(), b.id()) : Long.compare(a.id(), b.id());
        };
    }

    /**
     * The page {@code request} asks for.
     *
     * @param rows     the whole list, in {@code order}
     * @param boundary the cursor's position as a row (its value parsed), {@code null} without a cursor
     */
    static <T> Page<T> page(List<Row<T>> rows, Comparator<Row<T>> order, PageRequest request, String sort,
                            Row<T> boundary) {
        Cursor cursor = request.cursor();
        int limit = request.limit();
        boolean backwards = cursor != null && cursor.direction() == Direction.BEFORE;
        List<Row<T>> candidates = boundary == null ? rows : rows.stream()
                .filter(row -> backwards ? order.compare(row, boundary) < 0 : order.compare(row, boundary) > 0)
                .toList();
        boolean more = candidates.size() > limit;
        List<Row<T>> items = backwards
                ? candidates.subList(Math.max(0, candidates.size() - limit), candidates.size())
                : candidates.subList(0, Math.min(limit, candidates.size()));
        List<T> page = items.stream().map(Row::item).toList();
        if (items.isEmpty()) {
            return new Page<>(page, null, null, rows.size());
        }
        Row<T> first = items.getFirst();
        Row<T> last = items.getLast();
        Cursor next;
        Cursor previous;
        if (backwards) {
            next = new Cursor(sort, Direction.AFTER, last.valueText(), last.id());
            previous = more ? new Cursor(sort, Direction.BEFORE, first.valueText(), first.id()) : null;
        } else {
            next = more ? new Cursor(sort, Direction.AFTER, last.valueText(), last.id()) : null;
            previous = cursor == null ? null : new Cursor(sort, Direction.BEFORE, first.valueText(), first.id());
        }
        return new Page<>(page, next, previous, rows.size());
    }

    static IllegalArgumentException malformedCursor() {
        return new IllegalArgumentException("cursor is malformed; use the value from a Link header as it is");
    }

    /** Text in code point order: what SQLite's BINARY and PostgreSQL's "C" collation compare by. */
    record CodePoints(String value) implements Comparable<CodePoints> {
        @Override
        public int compareTo(CodePoints other) {
            return java.util.Arrays.compare(value.codePoints().toArray(), other.value.codePoints().toArray());
        }
    }
}
