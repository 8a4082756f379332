package io.freecast.catalog.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a sorted list.
 *
 * @param items    the page's items in list order
 * @param next     where the following page starts; {@code null} on the last page
 * @param previous where the preceding page ends; {@code null} on the first page
 * @param total    how many items the whole list (with its filters) has, or {@link #UNCOUNTED} when a title
 *                 search or a filtered list matches more than {@link ListQuery#SEARCH_COUNT_CAP} items and was
 *                 not counted to its end (see {@link #counted()})
 */
public record Page<T>(List<T> items, Cursor next, Cursor previous, long total) {

    /**
     * The total of a search that matches more than {@link ListQuery#SEARCH_COUNT_CAP} items: counting every
     * match of a common word in a large catalog would cost more than reading its page, so it is not counted.
     */
    public static final long UNCOUNTED = -1;

    public Page {
        items = List.copyOf(items);
        if (total < UNCOUNTED) {
            throw new IllegalArgumentException("total must be >= 0, or UNCOUNTED");
        }
    }

    /** Whether {@link #total} is the list's exact size (it is, except for a search with too many matches). */
    public boolean counted() {
        return total != UNCOUNTED;
    }

    public Optional<Cursor> nextCursor() {
        return Optional.ofNullable(next);
    }

    public Optional<Cursor> previousCursor() {
        return Optional.ofNullable(previous);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next, previous, total);
    }
}
