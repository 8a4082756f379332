package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.ItemKind;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.TOMBSTONE;

/**
 * The tombstones of seasons, episodes and sources under the stored shows (or movies) of one upsert batch,
 * asked only about rows the upsert is about to create under a parent that was already stored. They are
 * read with one query per kind, the first time one is asked about, so a fresh import (no stored parents)
 * and an unchanged re-import (nothing to create) never read them, and no batch reads them row by row.
 */
final class ChildTombstones {

    /** A child's identity under its parent: a season's or episode's number, a source's URL. */
    private record Key(long parentId, String identity) {
    }

    private static final Set<Key> NONE = Set.of();

    private final DSLContext dsl;
    private final Collection<Long> showIds;
    private final Collection<Long> movieIds;
    private Set<Key> seasons;
    private Set<Key> episodes;
    private Set<Key> episodeSources;
    private Set<Key> movieSources;

    private ChildTombstones(DSLContext dsl, Collection<Long> showIds, Collection<Long> movieIds) {
        this.dsl = dsl;
        this.showIds = showIds;
        this.movieIds = movieIds;
    }

    /** For a batch of shows: {@code showIds} are the ids of its shows already stored (at most a batch). */
    static ChildTombstones underShows(DSLContext dsl, Collection<Long> showIds) {
        return new ChildTombstones(dsl, showIds, List.of());
    }

    /** For a batch of movies: {@code movieIds} are the ids of its movies already stored. */
    static ChildTombstones underMovies(DSLContext dsl, Collection<Long> movieIds) {
        return new ChildTombstones(dsl, List.of(), movieIds);
    }

    boolean seasonDeleted(long showId, int number) {
        if (seasons == null) {
            seasons = showIds.isEmpty() ? NONE : new HashSet<>(dsl.select(TOMBSTONE.SHOW_ID, TOMBSTONE.NUMBER)
                    .from(TOMBSTONE)
                    .where(TOMBSTONE.ENTITY.eq(ItemKind.SEASON.wireName())).and(TOMBSTONE.SHOW_ID.in(showIds))
                    .fetch(r -> new Key(r.value1(), Integer.toString(r.value2()))));
        }
        return !seasons.isEmpty() && seasons.contains(new Key(showId, Integer.toString(number)));
    }

    boolean episodeDeleted(long seasonId, int number) {
        if (episodes == null) {
            episodes = showIds.isEmpty() ? NONE : new HashSet<>(dsl.select(TOMBSTONE.SEASON_ID, TOMBSTONE.NUMBER)
                    .from(TOMBSTONE).join(SEASON).on(SEASON.ID.eq(TOMBSTONE.SEASON_ID))
                    .where(TOMBSTONE.ENTITY.eq(ItemKind.EPISODE.wireName())).and(SEASON.SHOW_ID.in(showIds))
                    .fetch(r -> new Key(r.value1(), Integer.toString(r.value2()))));
        }
        return !episodes.isEmpty() && episodes.contains(new Key(seasonId, Integer.toString(number)));
    }

    boolean sourceDeleted(Long movieId, Long episodeId, String url) {
        if (movieId != null) {
            if (movieSources == null) {
                movieSources = movieIds.isEmpty() ? NONE : new HashSet<>(dsl.select(TOMBSTONE.MOVIE_ID, TOMBSTONE.URL)
                        .from(TOMBSTONE)
                        .where(TOMBSTONE.ENTITY.eq(ItemKind.SOURCE.wireName())).and(TOMBSTONE.MOVIE_ID.in(movieIds))
                        .fetch(r -> new Key(r.value1(), r.value2())));
            }
            return !movieSources.isEmpty() && movieSources.contains(new Key(movieId, url));
        }
        if (episodeSources == null) {
            episodeSources = showIds.isEmpty() ? NONE : new HashSet<>(dsl.select(TOMBSTONE.EPISODE_ID, TOMBSTONE.URL)
                    .from(TOMBSTONE).join(EPISODE).on(EPISODE.ID.eq(TOMBSTONE.EPISODE_ID))
                    .join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                    .where(TOMBSTONE.ENTITY.eq(ItemKind.SOURCE.wireName())).and(SEASON.SHOW_ID.in(showIds))
                    .fetch(r -> new Key(r.value1(), r.value2())));
        }
        return !episodeSources.isEmpty() && episodeSources.contains(new Key(episodeId, url));
    }
}
