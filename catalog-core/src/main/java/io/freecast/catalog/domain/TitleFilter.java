package io.freecast.catalog.domain;

import java.util.Locale;

/** What an operator narrows a list of shows or movies to, on top of a title search. */
public enum TitleFilter {
    /** At least one of its sources (for a show: of its episodes) is inactive. */
    INACTIVE_SOURCES,
    /** Neither an IMDb nor a Kinopoisk rating is known. */
    RATING_UNKNOWN,
    /**
     * At least one of the title's own fields was changed by hand and is locked (imports leave it as it is):
     * what an operator checks before trusting a feed again. Locks of its children do not count.
     */
    LOCKED_FIELDS;

    /** The name in URLs: {@code inactive_sources}, {@code rating_unknown}, {@code locked_fields}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static TitleFilter fromWireName(String name) {
        for (TitleFilter filter : values()) {
            if (filter.wireName().equals(name)) {
                return filter;
            }
        }
        throw new IllegalArgumentException("unknown filter '" + name + "'; expected inactive_sources, rating_unknown or locked_fields");
    }
}
