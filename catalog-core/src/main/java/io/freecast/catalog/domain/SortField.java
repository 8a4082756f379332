package io.freecast.catalog.domain;

import java.util.EnumSet;
import java.util.Set;

/** The fields a list may be sorted by. Each resource allows a subset; the id always breaks ties. */
public enum SortField {
    ID("id"),
    TITLE("title"),
    RELEASE_DATE("release_date"),
    RELEASE_YEAR("release_year"),
    IMDB_RATING("imdb_rating"),
    KINOPOISK_RATING("kinopoisk_rating");

    private final String wireName;

    SortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Set<SortField> forShows() {
        return EnumSet.of(ID, TITLE, RELEASE_DATE, IMDB_RATING, KINOPOISK_RATING);
    }

    public static Set<SortField> forMovies() {
        return EnumSet.of(ID, TITLE, RELEASE_DATE, RELEASE_YEAR, IMDB_RATING, KINOPOISK_RATING);
    }
}
