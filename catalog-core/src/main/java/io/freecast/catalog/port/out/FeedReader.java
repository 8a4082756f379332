package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.FeedLocation;
import java.util.function.Consumer;

/**
 * Reads a feed of shows or movies item by item, without holding the whole feed in memory.
 *
 * <p>Each element of the feed's array reaches {@code sink} in order, as soon as it is read, either
 * accepted or rejected. When the feed as a whole cannot be read the method throws
 * {@link FeedUnreadableException} — possibly after some items already reached the sink, which is why
 * an import writes inside one transaction.
 */
public interface FeedReader {

    void readShows(FeedLocation location, Consumer<FeedItem<ShowDraft>> sink);

    void readMovies(FeedLocation location, Consumer<FeedItem<MovieDraft>> sink);
}
