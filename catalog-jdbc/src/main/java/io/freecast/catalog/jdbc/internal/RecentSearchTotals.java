package io.freecast.catalog.jdbc.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The totals of the searches a list counted lately, each with the value of the list's change counter it was
 * counted at — what a cursor carries from page to page, kept for the first pages, which have no cursor.
 *
 * <p>Why: a search's first page counts its matches (up to the cap) on every request, and for a common word that
 * count was a quarter of the request's CPU at 1,000,000 titles (SQLite, {@code ?q=night}); a popular search is
 * asked for again and again while the catalog stays as it is. A remembered total is never trusted on its own:
 * the page's total statement compares the remembered counter with the list's current one and counts again when
 * it moved (a title added, removed or renamed), exactly as for a total carried by a cursor. So a stale total
 * cannot be answered, and the statements of a page are the same ones either way.
 *
 * <p>Bounded: the least recently used search is forgotten beyond {@code capacity} (a search text is at most 200
 * characters, so a thousand of them are well under a megabyte). Thread-safe.
 */
final class RecentSearchTotals {

    /** How many searches each list remembers. */
    static final int CAPACITY = 1_000;

    /** A search's total, and the list's change counter when it was counted. */
    record Counted(long total, long changes) {
    }

    private final Map<String, Counted> counted;

    RecentSearchTotals(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.counted = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counted> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The total last counted for this search, or {@code null}. */
    synchronized Counted get(String searched) {
        return counted.get(searched);
    }

    /** Remembers a search's total and the change counter it was counted at, replacing what was there. */
    synchronized void remember(String searched, long total, long changes) {
        counted.put(searched, new Counted(total, changes));
    }

    synchronized int size() {
        return counted.size();
    }
}
