package io.freecast.catalog.domain;

import java.util.Objects;

/**
 * A page of shows or movies: order, optional title search, page.
 *
 * @param titleContains case- and accent-insensitive substring of the title; {@code null} for all
 */
public record ListQuery(Sort sort, String titleContains, PageRequest page) {

    /** Searching for more than this is not a title search. */
    public static final int MAX_SEARCH_LENGTH = 200;

    /**
     * A title search's matches are counted up to this many: a page of a search with more has no exact total
     * ({@link Page#UNCOUNTED}), so a common word costs what a rare one does in a large catalog.
     */
    public static final int SEARCH_COUNT_CAP = 1_000;

    public ListQuery {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
        if (titleContains != null) {
            titleContains = titleContains.strip();
            if (titleContains.isEmpty()) {
                titleContains = null;
            } else if (titleContains.length() > MAX_SEARCH_LENGTH) {
                throw new IllegalArgumentException("q must be at most " + MAX_SEARCH_LENGTH + " characters");
            }
        }
        if (page.cursor() != null && !page.cursor().sort().equals(sort.wireName())) {
            throw new IllegalArgumentException("cursor belongs to sort '" + page.cursor().sort()
                    + "', not '" + sort.wireName() + "'; start again without a cursor");
        }
    }

    public static ListQuery firstPage() {
        return new ListQuery(Sort.BY_ID, null, PageRequest.firstPage());
    }
}
