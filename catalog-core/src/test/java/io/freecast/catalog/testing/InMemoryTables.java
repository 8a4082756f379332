package io.freecast.catalog.testing;

import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Tombstone;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the in-memory store keeps that transactions cover, as plain maps of immutable domain records.
 * A transaction works on a {@link #copy()} and replaces the committed tables with it on commit, so a rollback
 * is dropping the copy. The indexes (children by number, sources by owner) are what the database's unique
 * keys and foreign keys give the real store.
 */
final class InMemoryTables {

    final TreeMap<Long, Show> shows;
    final Map<Long, Instant> showRatedAt;
    final Map<String, Long> showIdByKey;
    final TreeMap<Long, Season> seasons;
    /** show id → season number → season id */
    final Map<Long, TreeMap<Integer, Long>> seasonsOfShow;
    final TreeMap<Long, Episode> episodes;
    /** season id → episode number → episode id */
    final Map<Long, TreeMap<Integer, Long>> episodesOfSeason;
    final TreeMap<Long, Movie> movies;
    final Map<Long, Instant> movieRatedAt;
    final Map<String, Long> movieIdByKey;
    final TreeMap<Long, Source> sources;
    /** owner → its sources' ids, ascending */
    final Map<SourceOwner, TreeMap<Long, Long>> sourcesOfOwner;
    final List<AuditEntry> audit;
    /** Tombstones by id (ascending); the database's {@code tombstone} table. */
    TreeMap<Long, Tombstone> tombstones = new TreeMap<>();
    /** Ids of seasons, episodes and sources created (or claimed) by hand: the {@code added_by_hand} column. */
    Set<Long> seasonsByHand = new HashSet<>();
    Set<Long> episodesByHand = new HashSet<>();
    Set<Long> sourcesByHand = new HashSet<>();

    InMemoryTables() {
        this(new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>(), new TreeMap<>(),
                new HashMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>(),
                new ArrayList<>());
    }

    private InMemoryTables(TreeMap<Long, Show> shows, Map<Long, Instant> showRatedAt, Map<String, Long> showIdByKey,
                           TreeMap<Long, Season> seasons, Map<Long, TreeMap<Integer, Long>> seasonsOfShow,
                           TreeMap<Long, Episode> episodes, Map<Long, TreeMap<Integer, Long>> episodesOfSeason,
                           TreeMap<Long, Movie> movies, Map<Long, Instant> movieRatedAt, Map<String, Long> movieIdByKey,
                           TreeMap<Long, Source> sources, Map<SourceOwner, TreeMap<Long, Long>> sourcesOfOwner,
                           List<AuditEntry> audit) {
        this.shows = shows;
        this.showRatedAt = showRatedAt;
        this.showIdByKey = showIdByKey;
        this.seasons = seasons;
        this.seasonsOfShow = seasonsOfShow;
        this.episodes = episodes;
        this.episodesOfSeason = episodesOfSeason;
        this.movies = movies;
        this.movieRatedAt = movieRatedAt;
        this.movieIdByKey = movieIdByKey;
        this.sources = sources;
        this.sourcesOfOwner = sourcesOfOwner;
        this.audit = audit;
    }

    /** A copy sharing nothing mutable with this one (the records themselves are immutable). */
    InMemoryTables copy() {
        InMemoryTables copy = new InMemoryTables(new TreeMap<>(shows), new HashMap<>(showRatedAt), new HashMap<>(showIdByKey),
                new TreeMap<>(seasons), deepCopy(seasonsOfShow), new TreeMap<>(episodes), deepCopy(episodesOfSeason),
                new TreeMap<>(movies), new HashMap<>(movieRatedAt), new HashMap<>(movieIdByKey), new TreeMap<>(sources),
                deepCopy(sourcesOfOwner), new ArrayList<>(audit));
        copy.tombstones = new TreeMap<>(tombstones);
        copy.seasonsByHand = new HashSet<>(seasonsByHand);
        copy.episodesByHand = new HashSet<>(episodesByHand);
        copy.sourcesByHand = new HashSet<>(sourcesByHand);
        return copy;
    }

    private static <K, I, V> Map<K, TreeMap<I, V>> deepCopy(Map<K, TreeMap<I, V>> map) {
        Map<K, TreeMap<I, V>> copy = new HashMap<>();
        map.forEach((key, inner) -> copy.put(key, new TreeMap<>(inner)));
        return copy;
    }

    /**
     * Everything stored, as one comparable value: equal for two states exactly when every row is equal (what a
     * dump of every table compares for the database).
     */
    List<Object> contents() {
        return List.of(new TreeMap<>(shows), new TreeMap<>(showRatedAt), new TreeMap<>(seasons),
                new TreeMap<>(episodes), new TreeMap<>(movies), new TreeMap<>(movieRatedAt), new TreeMap<>(sources),
                List.copyOf(audit), new TreeMap<>(tombstones), new TreeSet<>(seasonsByHand), new TreeSet<>(episodesByHand),
                new TreeSet<>(sourcesByHand));
    }

    // ---------------------------------------------------------------- hand edits

    /** Whether a tombstone names this child under this parent (a season's or episode's number, a source's URL). */
    boolean tombstoned(ItemKind kind, ItemRef<?> parent, String identity) {
        return tombstones.values().stream().anyMatch(t -> t.kind() == kind && Objects.equals(t.parent(), parent)
                && t.identity().equals(identity));
    }

    /** Removes the tombstones under a parent that is deleted, as the foreign keys' cascade does. */
    void dropTombstonesUnder(ItemRef<?> parent) {
        tombstones.values().removeIf(t -> parent.equals(t.parent()));
    }

    void deleteSourceRow(long id) {
        Source source = sources.get(id);
        if (source != null) {
            dropTombstonesUnder(ItemRef.source(id));
            removeSource(id);
            sourcesByHand.remove(id);
        }
    }

    void deleteEpisodeRow(long id) {
        Episode episode = episodes.remove(id);
        if (episode == null) {
            return;
        }
        episodesOfSeason.get(episode.seasonId()).remove(episode.number());
        episodesByHand.remove(id);
        SourceOwner owner = new SourceOwner.OfEpisode(id);
        sourcesOf(owner).forEach(s -> deleteSourceRow(s.id()));
        sourcesOfOwner.remove(owner);
        dropTombstonesUnder(ItemRef.episode(id));
    }

    void deleteSeasonRow(long id) {
        Season season = seasons.remove(id);
        if (season == null) {
            return;
        }
        seasonsOfShow.get(season.showId()).remove(season.number());
        seasonsByHand.remove(id);
        List.copyOf(episodesOfSeason.getOrDefault(id, new TreeMap<>()).values()).forEach(this::deleteEpisodeRow);
        episodesOfSeason.remove(id);
        dropTombstonesUnder(ItemRef.season(id));
    }

    void deleteShowRow(long id) {
        Show show = shows.remove(id);
        if (show == null) {
            return;
        }
        showIdByKey.remove(show.key().value());
        showRatedAt.remove(id);
        List.copyOf(seasonsOfShow.getOrDefault(id, new TreeMap<>()).values()).forEach(this::deleteSeasonRow);
        seasonsOfShow.remove(id);
        dropTombstonesUnder(ItemRef.show(id));
    }

    void deleteMovieRow(long id) {
        Movie movie = movies.remove(id);
        if (movie == null) {
            return;
        }
        movieIdByKey.remove(movie.key().value());
        movieRatedAt.remove(id);
        SourceOwner owner = new SourceOwner.OfMovie(id);
        sourcesOf(owner).forEach(s -> deleteSourceRow(s.id()));
        sourcesOfOwner.remove(owner);
        dropTombstonesUnder(ItemRef.movie(id));
    }

    // ------------------------------------------------------------------ children

    List<Season> seasonsOf(long showId) {
        return seasonsOfShow.getOrDefault(showId, new TreeMap<>()).values().stream().map(seasons::get).toList();
    }

    List<Episode> episodesOf(long seasonId) {
        return episodesOfSeason.getOrDefault(seasonId, new TreeMap<>()).values().stream().map(episodes::get).toList();
    }

    List<Source> sourcesOf(SourceOwner owner) {
        return sourcesOfOwner.getOrDefault(owner, new TreeMap<>()).keySet().stream().map(sources::get).toList();
    }

    void putSeason(Season season) {
        seasons.put(season.id(), season);
        seasonsOfShow.computeIfAbsent(season.showId(), id -> new TreeMap<>()).put(season.number(), season.id());
    }

    void putEpisode(Episode episode) {
        episodes.put(episode.id(), episode);
        episodesOfSeason.computeIfAbsent(episode.seasonId(), id -> new TreeMap<>()).put(episode.number(), episode.id());
    }

    void putSource(Source source) {
        sources.put(source.id(), source);
        sourcesOfOwner.computeIfAbsent(source.owner(), owner -> new TreeMap<>()).put(source.id(), source.id());
    }

    void removeSource(long id) {
        Source removed = sources.remove(id);
        if (removed != null) {
            sourcesOfOwner.get(removed.owner()).remove(id);
        }
    }
}
