package io.freecast.catalog.domain;

import java.util.Objects;

/**
 * One catalog item by kind and id, typed by what the catalog reads it as ({@code ItemRef<MovieTree>} for a
 * movie), so a {@link Versioned} expectation about it is checked against the right type.
 *
 * @param <T> {@link ShowTree}, {@link SeasonTree}, {@link EpisodeTree}, {@link MovieTree} or {@link Source}
 */
public record ItemRef<T>(ItemKind kind, long id) {

    public ItemRef {
        Objects.requireNonNull(kind, "kind");
    }

    public static ItemRef<ShowTree> show(long id) {
        return new ItemRef<>(ItemKind.SHOW, id);
    }

    public static ItemRef<SeasonTree> season(long id) {
        return new ItemRef<>(ItemKind.SEASON, id);
    }

    public static ItemRef<EpisodeTree> episode(long id) {
        return new ItemRef<>(ItemKind.EPISODE, id);
    }

    public static ItemRef<MovieTree> movie(long id) {
        return new ItemRef<>(ItemKind.MOVIE, id);
    }

    public static ItemRef<Source> source(long id) {
        return new ItemRef<>(ItemKind.SOURCE, id);
    }

    @Override
    public String toString() {
        return kind.wireName() + " " + id;
    }
}
