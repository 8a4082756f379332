package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.out.HandEdits;
import java.util.TreeMap;

/**
 * Single-item writes of hand edits on the in-memory tables, joining the caller's transaction. Locking a tree
 * needs nothing more than the transaction: one transaction writes at a time (as on SQLite), so between the
 * read a conditional write checks and the write itself nobody else can come. The database's unique keys
 * (a show's or movie's feed key, a season's number in its show, an episode's in its season, a source's URL
 * under its owner) and foreign keys (a child's parent exists) are checked as the database would refuse the
 * statement; deletes cascade to children, their sources and the tombstones under them.
 */
final class InMemoryHandEdits implements HandEdits {

    private final InMemoryTransactions transactions;
    private final Sequence showIds;
    private final Sequence seasonIds;
    private final Sequence episodeIds;
    private final Sequence movieIds;
    private final Sequence sourceIds;

    InMemoryHandEdits(InMemoryTransactions transactions, Sequence showIds, Sequence seasonIds, Sequence episodeIds,
                      Sequence movieIds, Sequence sourceIds) {
        this.transactions = transactions;
        this.showIds = showIds;
        this.seasonIds = seasonIds;
        this.episodeIds = episodeIds;
        this.movieIds = movieIds;
        this.sourceIds = sourceIds;
    }

    @Override
    public boolean lock(ItemRef<?> item) {
        return transactions.read(tables -> exists(tables, item));
    }

    private static boolean exists(InMemoryTables tables, ItemRef<?> item) {
        return switch (item.kind()) {
            case SHOW -> tables.shows.containsKey(item.id());
            case SEASON -> tables.seasons.containsKey(item.id());
            case EPISODE -> tables.episodes.containsKey(item.id());
            case MOVIE -> tables.movies.containsKey(item.id());
            case SOURCE -> tables.sources.containsKey(item.id());
        };
    }

    @Override
    public boolean addedByHand(ItemRef<?> item) {
        return transactions.read(tables -> switch (item.kind()) {
            case SHOW -> tables.shows.containsKey(item.id()) && tables.shows.get(item.id()).key().isByHand();
            case MOVIE -> tables.movies.containsKey(item.id()) && tables.movies.get(item.id()).key().isByHand();
            case SEASON -> tables.seasonsByHand.contains(item.id());
            case EPISODE -> tables.episodesByHand.contains(item.id());
            case SOURCE -> tables.sourcesByHand.contains(item.id());
        });
    }

    @Override
    public void claimByHand(ItemRef<?> item) {
        transactions.write(tables -> {
            switch (item.kind()) {
                case SEASON -> claim(tables.seasons.containsKey(item.id()), tables.seasonsByHand, item.id());
                case EPISODE -> claim(tables.episodes.containsKey(item.id()), tables.episodesByHand, item.id());
                case SOURCE -> claim(tables.sources.containsKey(item.id()), tables.sourcesByHand, item.id());
                default -> throw new IllegalArgumentException("a " + item.kind().wireName()
                        + " created by an import keeps its feed key; only seasons, episodes and sources are claimed");
            }
            return null;
        });
    }

    /** As an UPDATE of a row that is not there: nothing happens. */
    private static void claim(boolean exists, java.util.Set<Long> byHand, long id) {
        if (exists) {
            byHand.add(id);
        }
    }

    // ------------------------------------------------------------------ shows

    @Override
    public long insertShow(Show s) {
        return transactions.write(tables -> {
            unique(!tables.showIdByKey.containsKey(s.key().value()), "show.feed_key", s.key().value());
            long id = showIds.next();
            tables.shows.put(id, new Show(id, s.key(), s.externalId(), s.slug(), s.title(), s.description(), s.image(),
                    s.releaseDate(), s.imdbRating(), s.kinopoiskRating(), s.createdAt(), s.updatedAt(),
                    s.lockedFields()));
            tables.showIdByKey.put(s.key().value(), id);
            return id;
        });
    }

    /** Writes the editable fields, {@code updatedAt} and the locks; never the feed key, id or slug. */
    @Override
    public void updateShow(Show s) {
        transactions.write(tables -> {
            Show old = tables.shows.get(s.id());
            if (old != null) {
                tables.shows.put(s.id(), new Show(old.id(), old.key(), old.externalId(), old.slug(), s.title(),
                        s.description(), s.image(), s.releaseDate(), s.imdbRating(), s.kinopoiskRating(),
                        old.createdAt(), s.updatedAt(), s.lockedFields()));
            }
            return null;
        });
    }

    @Override
    public void deleteShow(long showId) {
        transactions.write(tables -> {
            tables.removeShow(showId);
            return null;
        });
    }

    // ------------------------------------------------------------------ seasons

    @Override
    public long insertSeason(Season s) {
        return transactions.write(tables -> {
            parent(tables.shows.containsKey(s.showId()), "season.show_id", s.showId());
            unique(!childNumbers(tables.seasonsOfShow, s.showId()).containsKey(s.number()), "season (show_id, number)",
                    s.showId() + ", " + s.number());
            long id = seasonIds.next();
            tables.putSeason(new Season(id, s.showId(), s.number(), s.description(), s.lockedFields()));
            tables.seasonsByHand.add(id);
            return id;
        });
    }

    /** Writes the number, description and locks; the season stays under its show. */
    @Override
    public void updateSeason(Season s) {
        transactions.write(tables -> {
            Season old = tables.seasons.get(s.id());
            if (old == null) {
                return null;
            }
            TreeMap<Integer, Long> numbers = childNumbers(tables.seasonsOfShow, old.showId());
            if (s.number() != old.number()) {
                unique(!numbers.containsKey(s.number()), "season (show_id, number)", old.showId() + ", " + s.number());
                numbers.remove(old.number());
            }
            tables.putSeason(new Season(old.id(), old.showId(), s.number(), s.description(), s.lockedFields()));
            return null;
        });
    }

    @Override
    public void deleteSeason(long seasonId) {
        transactions.write(tables -> {
            tables.removeSeason(seasonId);
            return null;
        });
    }

    // ------------------------------------------------------------------ episodes

    @Override
    public long insertEpisode(Episode e) {
        return transactions.write(tables -> {
            parent(tables.seasons.containsKey(e.seasonId()), "episode.season_id", e.seasonId());
            unique(!childNumbers(tables.episodesOfSeason, e.seasonId()).containsKey(e.number()),
                    "episode (season_id, number)", e.seasonId() + ", " + e.number());
            long id = episodeIds.next();
            tables.putEpisode(new Episode(id, e.seasonId(), e.number(), e.title(), e.description(), e.releaseDate(),
                    e.lockedFields()));
            tables.episodesByHand.add(id);
            return id;
        });
    }

    /** Writes the number, title, description, release date and locks; the episode stays in its season. */
    @Override
    public void updateEpisode(Episode e) {
        transactions.write(tables -> {
            Episode old = tables.episodes.get(e.id());
            if (old == null) {
                return null;
            }
            TreeMap<Integer, Long> numbers = childNumbers(tables.episodesOfSeason, old.seasonId());
            if (e.number() != old.number()) {
                unique(!numbers.containsKey(e.number()), "episode (season_id, number)",
                        old.seasonId() + ", " + e.number());
                numbers.remove(old.number());
            }
            tables.putEpisode(new Episode(old.id(), old.seasonId(), e.number(), e.title(), e.description(),
                    e.releaseDate(), e.lockedFields()));
            return null;
        });
    }

    @Override
    public void deleteEpisode(long episodeId) {
        transactions.write(tables -> {
            tables.removeEpisode(episodeId);
            return null;
        });
    }

    // ------------------------------------------------------------------ movies

    @Override
    public long insertMovie(Movie m) {
        return transactions.write(tables -> {
            unique(!tables.movieIdByKey.containsKey(m.key().value()), "movie.feed_key", m.key().value());
            long id = movieIds.next();
            tables.movies.put(id, new Movie(id, m.key(), m.externalId(), m.slug(), m.title(), m.description(),
                    m.image(), m.releaseDate(), m.releaseYear(), m.imdbRating(), m.kinopoiskRating(), m.createdAt(),
                    m.updatedAt(), m.lockedFields()));
            tables.movieIdByKey.put(m.key().value(), id);
            return id;
        });
    }

    /** Writes the editable fields, {@code updatedAt} and the locks; never the feed key, id or slug. */
    @Override
    public void updateMovie(Movie m) {
        transactions.write(tables -> {
            Movie old = tables.movies.get(m.id());
            if (old != null) {
                tables.movies.put(m.id(), new Movie(old.id(), old.key(), old.externalId(), old.slug(), m.title(),
                        m.description(), m.image(), m.releaseDate(), m.releaseYear(), m.imdbRating(),
                        m.kinopoiskRating(), old.createdAt(), m.updatedAt(), m.lockedFields()));
            }
            return null;
        });
    }

    @Override
    public void deleteMovie(long movieId) {
        transactions.write(tables -> {
            tables.removeMovie(movieId);
            return null;
        });
    }

    // ------------------------------------------------------------------ sources

    @Override
    public long insertSource(Source s) {
        return transactions.write(tables -> {
            SourceOwner owner = s.owner();
            boolean ownerExists = owner instanceof SourceOwner.OfMovie
                    ? tables.movies.containsKey(owner.id()) : tables.episodes.containsKey(owner.id());
            parent(ownerExists, "source owner", owner);
            unique(tables.sourcesOf(owner).stream().noneMatch(other -> other.url().equals(s.url())),
                    "source (owner, url)", owner + ", " + s.url());
            long id = sourceIds.next();
            tables.putSource(new Source(id, owner, s.url(), s.type(), s.provider(), s.active(),
                    LinkState.NEVER_CHECKED, s.lockedFields()));
            tables.sourcesByHand.add(id);
            return id;
        });
    }

    /** Writes the URL, type, provider, active flag and locks; never the owner or the check state. */
    @Override
    public void updateSource(Source s) {
        transactions.write(tables -> {
            Source old = tables.sources.get(s.id());
            if (old == null) {
                return null;
            }
            if (!s.url().equals(old.url())) {
                unique(tables.sourcesOf(old.owner()).stream().noneMatch(other -> other.url().equals(s.url())),
                        "source (owner, url)", old.owner() + ", " + s.url());
            }
            tables.putSource(new Source(old.id(), old.owner(), s.url(), s.type(), s.provider(), s.active(),
                    old.check(), s.lockedFields()));
            return null;
        });
    }

    @Override
    public void deleteSource(long sourceId) {
        transactions.write(tables -> {
            tables.removeSource(sourceId);
            return null;
        });
    }

    // ------------------------------------------------------------------ constraints

    private static TreeMap<Integer, Long> childNumbers(java.util.Map<Long, TreeMap<Integer, Long>> index, long parentId) {
        return index.computeIfAbsent(parentId, id -> new TreeMap<>());
    }

    /** What the database's unique key refuses: the statement fails, and with it the transaction. */
    private static void unique(boolean holds, String key, Object value) {
        if (!holds) {
            throw new IllegalStateException("unique key " + key + " violated by (" + value + ")");
        }
    }

    /** What the database's foreign key refuses. */
    private static void parent(boolean exists, String key, Object value) {
        if (!exists) {
            throw new IllegalStateException("foreign key " + key + " violated: no parent " + value);
        }
    }
}
