package io.freecast.catalog.testing;

import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.FeedUnreadableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Feeds given by a test, item by item, as the JSON feed reader hands them over: in order, each as soon as it
 * is "read". A feed may be cut off after some items (the reader then throws {@link FeedUnreadableException},
 * as for a stream that broke mid-way), and a location no feed was given for is unreadable.
 *
 * <pre>{@code
 * FeedLocation location = FeedLocation.parse("movies.json");
 * InMemoryFeedReader feeds = new InMemoryFeedReader()
 *         .movies(location, List.of(InMemoryFeedReader.accepted(0, movie("501", "Copper Valley"))))
 *         .cutOffAfter(location, 1, "connection reset");
 * }</pre>
 */
public final class InMemoryFeedReader implements FeedReader {

    private record Feed(List<FeedItem<?>> items, int cutOffAfter, String reason) {
    }

    private final Map<FeedLocation, Feed> feeds = new ConcurrentHashMap<>();
    private final List<FeedLocation> reads = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An accepted item at {@code index}, whose id is its draft's external id. */
    public static FeedItem<MovieDraft> accepted(long index, MovieDraft draft) {
        return new FeedItem.Accepted<>(index, draft.externalId(), draft);
    }

    /** An accepted item at {@code index}, whose id is its draft's external id. */
    public static FeedItem<ShowDraft> accepted(long index, ShowDraft draft) {
        return new FeedItem.Accepted<>(index, draft.externalId(), draft);
    }

    /** The drafts as a feed's items: accepted, indexed from 0 in order. */
    public static List<FeedItem<MovieDraft>> movieItems(List<MovieDraft> drafts) {
        List<FeedItem<MovieDraft>> items = new ArrayList<>();
        for (MovieDraft draft : drafts) {
            items.add(accepted(items.size(), draft));
        }
        return items;
    }

    /** The drafts as a feed's items: accepted, indexed from 0 in order. */
    public static List<FeedItem<ShowDraft>> showItems(List<ShowDraft> drafts) {
        List<FeedItem<ShowDraft>> items = new ArrayList<>();
        for (ShowDraft draft : drafts) {
            items.add(accepted(items.size(), draft));
        }
        return items;
    }

    /** Serves these items as the shows feed at {@code location}. */
    public InMemoryFeedReader shows(FeedLocation location, List<FeedItem<ShowDraft>> items) {
        feeds.put(location, new Feed(List.copyOf(items), Integer.MAX_VALUE, null));
        return this;
    }

    /** Serves these items as the movies feed at {@code location}. */
    public InMemoryFeedReader movies(FeedLocation location, List<FeedItem<MovieDraft>> items) {
        feeds.put(location, new Feed(List.copyOf(items), Integer.MAX_VALUE, null));
        return this;
    }

    /** The feed at {@code location} breaks after {@code items} items, with {@code reason}. */
    public InMemoryFeedReader cutOffAfter(FeedLocation location, int items, String reason) {
        Feed feed = feeds.getOrDefault(location, new Feed(List.of(), Integer.MAX_VALUE, null));
        feeds.put(location, new Feed(feed.items(), items, reason));
        return this;
    }

    /** Every location read so far, in order. */
    public List<FeedLocation> reads() {
        return List.copyOf(reads);
    }

    @Override
    public void readShows(FeedLocation location, Consumer<FeedItem<ShowDraft>> sink) {
        read(location, sink);
    }

    @Override
    public void readMovies(FeedLocation location, Consumer<FeedItem<MovieDraft>> sink) {
        read(location, sink);
    }

    @SuppressWarnings("unchecked")
    private <D> void read(FeedLocation location, Consumer<FeedItem<D>> sink) {
        reads.add(location);
        Feed feed = feeds.get(location);
        if (feed == null) {
            throw new FeedUnreadableException("cannot read " + location.value() + ": no such feed");
        }
        int given = 0;
        for (FeedItem<?> item : feed.items()) {
            if (given == feed.cutOffAfter()) {
                break;
            }
            sink.accept((FeedItem<D>) item);
            given++;
        }
        if (feed.reason() != null) {
            throw new FeedUnreadableException("feed " + location.value() + " cut off after item " + given + ": "
                    + feed.reason());
        }
    }
}
