package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.out.HandEdits;
import java.util.function.Function;

/**
 * Hand edits in memory. Locking a tree needs nothing more than the transaction: the in-memory store lets one
 * transaction write at a time (as SQLite does), so nothing comes between a read and the write after it.
 * Deleting cascades to children and their tombstones, as the database's foreign keys do.
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
        return write(tables -> exists(tables, item));
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
        return write(tables -> switch (item.kind()) {
            case SHOW -> tables.shows.containsKey(item.id()) && tables.shows.get(item.id()).key().isByHand();
            case MOVIE -> tables.movies.containsKey(item.id()) && tables.movies.get(item.id()).key().isByHand();
            case SEASON -> tables.seasonsByHand.contains(item.id());
            case EPISODE -> tables.episodesByHand.contains(item.id());
            case SOURCE -> tables.sourcesByHand.contains(item.id());
        });
    }

    @Override
    public void claimByHand(ItemRef<?> item) {
        write(tables -> switch (item.kind()) {
            case SEASON -> tables.seasonsByHand.add(item.id());
            case EPISODE -> tables.episodesByHand.add(item.id());
            case SOURCE -> tables.sourcesByHand.add(item.id());
            default -> throw new IllegalArgumentException("only seasons, episodes and sources are claimed");
        });
    }

    @Override
    public long insertShow(Show s) {
        return write(tables -> {
            long id = showIds.next();
            tables.shows.put(id, new Show(id, s.key(), s.externalId(), s.slug(), s.title(), s.description(), s.image(),
                    s.releaseDate(), s.imdbRating(), s.kinopoiskRating(), s.createdAt(), s.updatedAt(), s.lockedFields()));
            tables.showIdByKey.put(s.key().value(), id);
            return id;
        });
    }

    @Override
    public void updateShow(Show s) {
        write(tables -> tables.shows.put(s.id(), s));
    }

    @Override
    public void deleteShow(long showId) {
        write(tables -> {
            tables.deleteShowRow(showId);
            return null;
        });
    }

    @Override
    public long insertSeason(Season s) {
        return write(tables -> {
            long id = seasonIds.next();
            tables.putSeason(new Season(id, s.showId(), s.number(), s.description(), s.lockedFields()));
            tables.seasonsByHand.add(id);
            return id;
        });
    }

    @Override
    public void updateSeason(Season s) {
        write(tables -> {
            Season old = tables.seasons.get(s.id());
            tables.seasonsOfShow.get(old.showId()).remove(old.number());
            tables.putSeason(s);
            return null;
        });
    }

    @Override
    public void deleteSeason(long seasonId) {
        write(tables -> {
            tables.deleteSeasonRow(seasonId);
            return null;
        });
    }

    @Override
    public long insertEpisode(Episode e) {
        return write(tables -> {
            long id = episodeIds.next();
            tables.putEpisode(new Episode(id, e.seasonId(), e.number(), e.title(), e.description(), e.releaseDate(),
                    e.lockedFields()));
            tables.episodesByHand.add(id);
            return id;
        });
    }

    @Override
    public void updateEpisode(Episode e) {
        write(tables -> {
            Episode old = tables.episodes.get(e.id());
            tables.episodesOfSeason.get(old.seasonId()).remove(old.number());
            tables.putEpisode(e);
            return null;
        });
    }

    @Override
    public void deleteEpisode(long episodeId) {
        write(tables -> {
            tables.deleteEpisodeRow(episodeId);
            return null;
        });
    }

    @Override
    public long insertMovie(Movie m) {
        return write(tables -> {
            long id = movieIds.next();
            tables.movies.put(id, new Movie(id, m.key(), m.externalId(), m.slug(), m.title(), m.description(),
                    m.image(), m.releaseDate(), m.releaseYear(), m.imdbRating(), m.kinopoiskRating(), m.createdAt(),
                    m.updatedAt(), m.lockedFields()));
            tables.movieIdByKey.put(m.key().value(), id);
            return id;
        });
    }

    @Override
    public void updateMovie(Movie m) {
        write(tables -> tables.movies.put(m.id(), m));
    }

    @Override
    public void deleteMovie(long movieId) {
        write(tables -> {
            tables.deleteMovieRow(movieId);
            return null;
        });
    }

    @Override
    public long insertSource(Source s) {
        return write(tables -> {
            long id = sourceIds.next();
            tables.putSource(new Source(id, s.owner(), s.url(), s.type(), s.provider(), s.active(), s.check(),
                    s.lockedFields()));
            tables.sourcesByHand.add(id);
            return id;
        });
    }

    @Override
    public void updateSource(Source s) {
        write(tables -> {
            Source old = tables.sources.get(s.id());
            tables.putSource(new Source(s.id(), old.owner(), s.url(), s.type(), s.provider(), s.active(), old.check(),
                    s.lockedFields()));
            return null;
        });
    }

    @Override
    public void deleteSource(long sourceId) {
        write(tables -> {
            tables.deleteSourceRow(sourceId);
            return null;
        });
    }

    private <T> T write(Function<InMemoryTables, T> change) {
        return transactions.write(change);
    }
}
