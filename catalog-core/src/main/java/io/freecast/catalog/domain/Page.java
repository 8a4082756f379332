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
 * @param total    how many items the whole list (with its filters) has
 */
public record Page<T>(List<T> items, Cursor next, Cursor previous, long total) {

    public Page {
        items = List.copyOf(items);
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0");
        }
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
