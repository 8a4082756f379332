package io.freecast.catalog.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The ratings a show or movie carries, one per ratings site, each in a field of its own. A rating provider is
 * the source of some of them ({@code RatingProvider#fills()}): omdb of {@link #IMDB}, kinopoisk of
 * {@link #KINOPOISK}.
 */
public enum RatingField {
    IMDB("imdb_rating"),
    KINOPOISK("kinopoisk_rating");

    private final String fieldName;

    RatingField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The field's name in the API, the admin and hand-edit locks: {@code imdb_rating}, {@code kinopoisk_rating}. */
    public String fieldName() {
        return fieldName;
    }

    /** Both fields. */
    public static Set<RatingField> all() {
        return EnumSet.allOf(RatingField.class);
    }

    @Override
    public String toString() {
        return fieldName;
    }
}
