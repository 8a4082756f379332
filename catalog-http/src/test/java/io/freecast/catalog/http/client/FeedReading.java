package io.freecast.catalog.http.client;

import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.port.out.FeedItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: writes a feed to a file and reads it back through a {@link JsonFeedReader}. */
final class FeedReading {

    private final Path dir;
    private final JsonFeedReader reader;
    private int files;

    FeedReading(Path dir, JsonFeedReader reader) {
        this.dir = dir;
        this.reader = reader;
    }

    Path write(String json) throws IOException {
        Path file = dir.resolve("feed-" + (files++) + ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    List<FeedItem<MovieDraft>> movies(String json) throws IOException {
        List<FeedItem<MovieDraft>> items = new ArrayList<>();
        reader.readMovies(FeedLocation.parse(write(json).toString()), items::add);
        return items;
    }

    List<FeedItem<ShowDraft>> shows(String json) throws IOException {
        List<FeedItem<ShowDraft>> items = new ArrayList<>();
        reader.readShows(FeedLocation.parse(write(json).toString()), items::add);
        return items;
    }

    /** The one movie of a one-item feed, which must be accepted. */
    MovieDraft movie(String itemJson) throws IOException {
        return accepted(movies("[" + itemJson + "]").getFirst()).draft();
    }

    ShowDraft show(String itemJson) throws IOException {
        return accepted(shows("[" + itemJson + "]").getFirst()).draft();
    }

    static <T> FeedItem.Accepted<T> accepted(FeedItem<T> item) {
        if (item instanceof FeedItem.Accepted<T> a) {
            return a;
        }
        throw new AssertionError("expected an accepted item, got " + item);
    }

    static <T> FeedItem.Rejected<T> rejected(FeedItem<T> item) {
        if (item instanceof FeedItem.Rejected<T> r) {
            return r;
        }
        throw new AssertionError("expected a rejected item, got " + item);
    }
}
