package io.freecast.catalog.testing.contract;

import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedReader;
import java.util.List;
import java.util.function.Consumer;

/** A feed of drafts a test sets: what the feed says now, whatever the location. */
final class ListFeedReader implements FeedReader {

    volatile List<ShowDraft> shows = List.of();
    volatile List<MovieDraft> movies = List.of();

    @Override
    public void readShows(FeedLocation location, Consumer<FeedItem<ShowDraft>> sink) {
        for (int i = 0; i < shows.size(); i++) {
            sink.accept(new FeedItem.Accepted<>(i, shows.get(i).externalId(), shows.get(i)));
        }
    }

    @Override
    public void readMovies(FeedLocation location, Consumer<FeedItem<MovieDraft>> sink) {
        for (int i = 0; i < movies.size(); i++) {
            sink.accept(new FeedItem.Accepted<>(i, movies.get(i).externalId(), movies.get(i)));
        }
    }
}
