package io.freecast.catalog.domain;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list order: one allow-listed field, ascending or descending, with the id as tie-breaker (in the
 * same direction). Unknown values ({@code null}) sort last in both directions.
 */
public record Sort(SortField field, boolean descending) {

    public static final Sort BY_ID = new Sort(SortField.ID, false);

    public Sort {
        Objects.requireNonNull(field, "field");
    }

    /**
     * Parses the API form: {@code title}, {@code -imdb_rating}.
     *
     * @throws IllegalArgumentException naming the allowed values when the field is not among them
     */
    public static Sort parse(String text, Set<SortField> allowed) {
        if (text == null || text.isBlank()) {
            return BY_ID;
        }
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        for (SortField field : allowed) {
            if (field.wireName().equals(name)) {
                return new Sort(field, descending);
            }
        }
        String choices = allowed.stream().map(SortField::wireName).sorted().collect(Collectors.joining(", "));
        throw new IllegalArgumentException("sort must be one of " + choices + " (prefix - for descending)");
    }

    /** The API form, also stored in cursors so a cursor only continues the order it came from. */
    public String wireName() {
        return (descending ? "-" : "") + field.wireName();
    }
}
