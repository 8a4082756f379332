package io.freecast.catalog.domain;

import java.util.Objects;

/**
 * One rule an edit broke.
 *
 * @param field   the field's wire name as the JSON API spells it ({@code title}, {@code imdb_rating},
 *                {@code sources[2].url}); never a Java name
 * @param message one line a person can act on, without the rejected value (it may be huge or hostile)
 */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
