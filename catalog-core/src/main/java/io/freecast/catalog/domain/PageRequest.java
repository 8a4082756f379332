package io.freecast.catalog.domain;

/**
 * Which page of a list to return: at most {@code limit} items, starting at {@code cursor}
 * ({@code null} for the first page).
 */
public record PageRequest(int limit, Cursor cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    public static PageRequest firstPage() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }
}
