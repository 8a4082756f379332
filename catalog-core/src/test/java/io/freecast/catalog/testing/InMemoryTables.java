package io.freecast.catalog.testing;

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
        return new InMemoryTables(new TreeMap<>(shows), new HashMap<>(showRatedAt), new HashMap<>(showIdByKey),
                new TreeMap<>(seasons), deepCopy(seasonsOfShow), new TreeMap<>(episodes), deepCopy(episodesOfSeason),
                new TreeMap<>(movies), new HashMap<>(movieRatedAt), new HashMap<>(movieIdByKey), new TreeMap<>(sources),
                deepCopy(sourcesOfOwner), new ArrayList<>(audit));
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
                List.copyOf(audit));
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
