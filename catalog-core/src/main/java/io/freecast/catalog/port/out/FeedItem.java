package io.freecast.catalog.port.out;

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

    record Accepted<T>(long index, String itemId, T draft) implements FeedItem<T> {
    }

    record Rejected<T>(long index, String itemId, String reason) implements FeedItem<T> {
    }
}
