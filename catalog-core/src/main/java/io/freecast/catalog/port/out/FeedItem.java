package io.freecast.catalog.port.out;

import java.util.List;

/**
 * One element of a feed's top-level array, as the reader understood it: a draft ready to upsert, or a
 * rejection saying why not.
 *
 * @param <T> the draft type ({@link io.freecast.catalog.domain.ShowDraft} or
 *            {@link io.freecast.catalog.domain.MovieDraft})
 */
public sealed interface FeedItem<T> {

    /** The item's 0-based position in the feed array. */
    long index();

    /** The item's id or slug as the feed gave it; {@code null} if none. */
    String itemId();

    /**
     * @param warnings parts of the item the reader dropped while keeping the item (a source with a
     *                 {@code javascript:} URL, an unparseable image), one line each; empty when none
     */
    record Accepted<T>(long index, String itemId, T draft, List<String> warnings) implements FeedItem<T> {
        public Accepted {
            warnings = List.copyOf(warnings);
        }

        public Accepted(long index, String itemId, T draft) {
            this(index, itemId, draft, List.of());
        }
    }

    record Rejected<T>(long index, String itemId, String reason) implements FeedItem<T> {
    }
}
