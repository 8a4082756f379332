package io.freecast.catalog.testing;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.Tombstone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
    /** Seasons, episodes and sources a person added (or claimed): imports never remove them. */
    final Set<Long> seasonsByHand;
    final Set<Long> episodesByHand;
    final Set<Long> sourcesByHand;
    final TreeMap<Long, Tombstone> tombstones;

    InMemoryTables() {
        this(new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>(), new TreeMap<>(),
                new HashMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>(),
                new ArrayList<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new TreeMap<>());
    }

    private InMemoryTables(TreeMap<Long, Show> shows, Map<Long, Instant> showRatedAt, Map<String, Long> showIdByKey,
                           TreeMap<Long, Season> seasons, Map<Long, TreeMap<Integer, Long>> seasonsOfShow,
                           TreeMap<Long, Episode> episodes, Map<Long, TreeMap<Integer, Long>> episodesOfSeason,
                           TreeMap<Long, Movie> movies, Map<Long, Instant> movieRatedAt, Map<String, Long> movieIdByKey,
                           TreeMap<Long, Source> sources, Map<SourceOwner, TreeMap<Long, Long>> sourcesOfOwner,
                           List<AuditEntry> audit, Set<Long> seasonsByHand, Set<Long> episodesByHand,
                           Set<Long> sourcesByHand, TreeMap<Long, Tombstone> tombstones) {
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
        this.seasonsByHand = seasonsByHand;
        this.episodesByHand = episodesByHand;
        this.sourcesByHand = sourcesByHand;
        this.tombstones = tombstones;
    }

    /** A copy sharing nothing mutable with this one (the records themselves are immutable). */
    InMemoryTables copy() {
        return new InMemoryTables(new TreeMap<>(shows), new HashMap<>(showRatedAt), new HashMap<>(showIdByKey),
                new TreeMap<>(seasons), deepCopy(seasonsOfShow), new TreeMap<>(episodes), deepCopy(episodesOfSeason),
                new TreeMap<>(movies), new HashMap<>(movieRatedAt), new HashMap<>(movieIdByKey), new TreeMap<>(sources),
                deepCopy(sourcesOfOwner), new ArrayList<>(audit), new HashSet<>(seasonsByHand),
                new HashSet<>(episodesByHand), new HashSet<>(sourcesByHand), new TreeMap<>(tombstones));
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
                List.copyOf(audit), new TreeSet<>(seasonsByHand), new TreeSet<>(episodesByHand),
                new TreeSet<>(sourcesByHand), new TreeMap<>(tombstones));
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
            sourcesByHand.remove(id);
        }
    }

    /** Moves a season (its number may have changed), keeping the number index right. */
    void replaceSeason(Season season) {
        Season old = seasons.get(season.id());
        if (old != null) {
            seasonsOfShow.get(old.showId()).remove(old.number(), old.id());
        }
        putSeason(season);
    }

    void replaceEpisode(Episode episode) {
        Episode old = episodes.get(episode.id());
        if (old != null) {
            episodesOfSeason.get(old.seasonId()).remove(old.number(), old.id());
        }
        putEpisode(episode);
    }

    /** Deletes a source and what hangs on it, as the schema's cascades do. */
    void deleteSourceCascading(long id) {
        removeSource(id);
    }

    void deleteEpisodeCascading(long id) {
        Episode episode = episodes.remove(id);
        if (episode == null) {
            return;
        }
        episodesOfSeason.get(episode.seasonId()).remove(episode.number(), id);
        episodesByHand.remove(id);
        SourceOwner owner = new SourceOwner.OfEpisode(id);
        sourcesOf(owner).forEach(source -> removeSource(source.id()));
        sourcesOfOwner.remove(owner);
        tombstones.values().removeIf(t -> ItemRef.episode(id).equals(t.parent()));
    }

    void deleteSeasonCascading(long id) {
        Season season = seasons.remove(id);
        if (season == null) {
            return;
        }
        seasonsOfShow.get(season.showId()).remove(season.number(), id);
        seasonsByHand.remove(id);
        episodesOf(id).forEach(episode -> deleteEpisodeCascading(episode.id()));
        episodesOfSeason.remove(id);
        tombstones.values().removeIf(t -> ItemRef.season(id).equals(t.parent()));
    }

    void deleteShowCascading(long id) {
        Show show = shows.remove(id);
        if (show == null) {
            return;
        }
        showIdByKey.remove(show.key().value());
        showRatedAt.remove(id);
        seasonsOf(id).forEach(season -> deleteSeasonCascading(season.id()));
        seasonsOfShow.remove(id);
        tombstones.values().removeIf(t -> ItemRef.show(id).equals(t.parent()));
    }

    void deleteMovieCascading(long id) {
        Movie movie = movies.remove(id);
        if (movie == null) {
            return;
        }
        movieIdByKey.remove(movie.key().value());
        movieRatedAt.remove(id);
        SourceOwner owner = new SourceOwner.OfMovie(id);
        sourcesOf(owner).forEach(source -> removeSource(source.id()));
        sourcesOfOwner.remove(owner);
        tombstones.values().removeIf(t -> ItemRef.movie(id).equals(t.parent()));
    }

    // ------------------------------------------------------------------ tombstones of children

    boolean seasonTombstoned(long showId, int number) {
        return tombstoned(ItemKind.SEASON, ItemRef.show(showId), Integer.toString(number));
    }

    boolean episodeTombstoned(long seasonId, int number) {
        return tombstoned(ItemKind.EPISODE, ItemRef.season(seasonId), Integer.toString(number));
    }

    boolean sourceTombstoned(SourceOwner owner, String url) {
        ItemRef<?> parent = owner instanceof SourceOwner.OfMovie ? ItemRef.movie(owner.id()) : ItemRef.episode(owner.id());
        return tombstoned(ItemKind.SOURCE, parent, url);
    }

    private boolean tombstoned(ItemKind kind, ItemRef<?> parent, String identity) {
        for (Tombstone t : tombstones.values()) {
            if (t.kind() == kind && parent.equals(t.parent()) && identity.equals(t.identity())) {
                return true;
            }
        }
        return false;
    }
}
