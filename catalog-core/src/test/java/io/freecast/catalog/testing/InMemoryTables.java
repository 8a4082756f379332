package io.freecast.catalog.testing;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.port.out.RatingTarget.CheckedAt;
import io.freecast.catalog.port.out.SourceRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the in-memory store keeps that transactions cover, as plain maps of immutable domain records.
 * A transaction works on a {@link #copy()} and replaces the committed tables with it on commit, so a rollback
 * is dropping the copy. The indexes (children by number, sources by owner) are what the database's unique
 * keys and foreign keys give the real store.
 */
final class InMemoryTables {

    final TreeMap<Long, Show> shows;
    final Map<Long, CheckedAt> showRatedAt;
    final Map<String, Long> showIdByKey;
    final TreeMap<Long, Season> seasons;
    /** show id → season number → season id */
    final Map<Long, TreeMap<Integer, Long>> seasonsOfShow;
    final TreeMap<Long, Episode> episodes;
    /** season id → episode number → episode id */
    final Map<Long, TreeMap<Integer, Long>> episodesOfSeason;
    final TreeMap<Long, Movie> movies;
    final Map<Long, CheckedAt> movieRatedAt;
    final Map<String, Long> movieIdByKey;
    final TreeMap<Long, Source> sources;
    /** owner → its sources' ids, ascending */
    final Map<SourceOwner, TreeMap<Long, Long>> sourcesOfOwner;
    final List<AuditEntry> audit;
    /** The seasons, episodes and sources created (or claimed) by hand: the {@code added_by_hand} columns. */
    final Set<Long> seasonsByHand;
    final Set<Long> episodesByHand;
    final Set<Long> sourcesByHand;
    final TreeMap<Long, Tombstone> tombstones;
    /** Accounts and API tokens (their tables are apart from the catalog's). */
    final AccessTables access;
    /** source id → when its next check is due (the {@code check_due_at} column); absent: never checked. */
    final Map<Long, Instant> sourceCheckDue;

    InMemoryTables() {
        this(new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>(), new TreeMap<>(),
                new HashMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>(),
                new ArrayList<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new TreeMap<>(),
                new AccessTables(), new HashMap<>());
    }

    private InMemoryTables(TreeMap<Long, Show> shows, Map<Long, CheckedAt> showRatedAt, Map<String, Long> showIdByKey,
                           TreeMap<Long, Season> seasons, Map<Long, TreeMap<Integer, Long>> seasonsOfShow,
                           TreeMap<Long, Episode> episodes, Map<Long, TreeMap<Integer, Long>> episodesOfSeason,
                           TreeMap<Long, Movie> movies, Map<Long, CheckedAt> movieRatedAt, Map<String, Long> movieIdByKey,
                           TreeMap<Long, Source> sources, Map<SourceOwner, TreeMap<Long, Long>> sourcesOfOwner,
                           List<AuditEntry> audit, Set<Long> seasonsByHand, Set<Long> episodesByHand,
                           Set<Long> sourcesByHand, TreeMap<Long, Tombstone> tombstones,
                           AccessTables access, Map<Long, Instant> sourceCheckDue) {
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
        this.access = access;
        this.sourceCheckDue = sourceCheckDue;
    }

    /** A copy sharing nothing mutable with this one (the records themselves are immutable). */
    InMemoryTables copy() {
        return new InMemoryTables(new TreeMap<>(shows), new HashMap<>(showRatedAt), new HashMap<>(showIdByKey),
                new TreeMap<>(seasons), deepCopy(seasonsOfShow), new TreeMap<>(episodes), deepCopy(episodesOfSeason),
                new TreeMap<>(movies), new HashMap<>(movieRatedAt), new HashMap<>(movieIdByKey), new TreeMap<>(sources),
                deepCopy(sourcesOfOwner), new ArrayList<>(audit), new HashSet<>(seasonsByHand),
                new HashSet<>(episodesByHand), new HashSet<>(sourcesByHand), new TreeMap<>(tombstones), access.copy(),
                new HashMap<>(sourceCheckDue));
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
                List.copyOf(audit), new java.util.TreeSet<>(seasonsByHand), new java.util.TreeSet<>(episodesByHand),
                new java.util.TreeSet<>(sourcesByHand), new TreeMap<>(tombstones), access.contents(),
                new TreeMap<>(sourceCheckDue));
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

    /** When the source's next check is due: {@link SourceRepository#NEVER_CHECKED_DUE} until its first check. */
    Instant checkDueAt(long sourceId) {
        return sourceCheckDue.getOrDefault(sourceId, SourceRepository.NEVER_CHECKED_DUE);
    }

    void removeSource(long id) {
        sourceCheckDue.remove(id);
        Source removed = sources.remove(id);
        if (removed != null) {
            sourcesOfOwner.get(removed.owner()).remove(id);
            sourcesByHand.remove(id);
        }
    }

    // ------------------------------------------------------------------ deletes, cascading as the foreign keys do

    void removeShow(long id) {
        Show removed = shows.remove(id);
        if (removed == null) {
            return;
        }
        showIdByKey.remove(removed.key().value());
        showRatedAt.remove(id);
        seasonsOf(id).forEach(season -> removeSeason(season.id()));
        seasonsOfShow.remove(id);
        removeTombstonesUnder(ItemKind.SHOW, id);
    }

    void removeSeason(long id) {
        Season removed = seasons.remove(id);
        if (removed == null) {
            return;
        }
        episodesOf(id).forEach(episode -> removeEpisode(episode.id()));
        episodesOfSeason.remove(id);
        TreeMap<Integer, Long> siblings = seasonsOfShow.get(removed.showId());
        if (siblings != null && Long.valueOf(id).equals(siblings.get(removed.number()))) {
            siblings.remove(removed.number());
        }
        seasonsByHand.remove(id);
        removeTombstonesUnder(ItemKind.SEASON, id);
    }

    void removeEpisode(long id) {
        Episode removed = episodes.remove(id);
        if (removed == null) {
            return;
        }
        SourceOwner owner = new SourceOwner.OfEpisode(id);
        sourcesOf(owner).forEach(source -> removeSource(source.id()));
        sourcesOfOwner.remove(owner);
        TreeMap<Integer, Long> siblings = episodesOfSeason.get(removed.seasonId());
        if (siblings != null && Long.valueOf(id).equals(siblings.get(removed.number()))) {
            siblings.remove(removed.number());
        }
        episodesByHand.remove(id);
        removeTombstonesUnder(ItemKind.EPISODE, id);
    }

    void removeMovie(long id) {
        Movie removed = movies.remove(id);
        if (removed == null) {
            return;
        }
        movieIdByKey.remove(removed.key().value());
        movieRatedAt.remove(id);
        SourceOwner owner = new SourceOwner.OfMovie(id);
        sourcesOf(owner).forEach(source -> removeSource(source.id()));
        sourcesOfOwner.remove(owner);
        removeTombstonesUnder(ItemKind.MOVIE, id);
    }

    /** A child's tombstone refers to its parent's row, so it goes with it. */
    private void removeTombstonesUnder(ItemKind parentKind, long parentId) {
        tombstones.values().removeIf(t -> t.parent() != null && t.parent().kind() == parentKind
                && t.parent().id() == parentId);
    }

    /** Whether a child of {@code parent} with this identity (number or URL) was deleted by hand. */
    boolean tombstoned(ItemKind kind, ItemKind parentKind, long parentId, String identity) {
        for (Tombstone t : tombstones.values()) {
            if (t.kind() == kind && t.parent() != null && t.parent().kind() == parentKind
                    && t.parent().id() == parentId && t.identity().equals(identity)) {
                return true;
            }
        }
        return false;
    }
}
