package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.out.HandEdits;
import java.util.Optional;

/**
 * Hand edits in memory, joining the caller's transaction. Deletes cascade as the schema's foreign keys do (a
 * show takes its seasons, episodes, sources and the tombstones under them along); an update writes the fields the
 * database adapter writes and never a feed identity.
 */
final class InMemoryHandEdits implements HandEdits {

    private final InMemoryTransactions transactions;
    private final Sequences ids;

    /** The id sequences the store's repositories share: one per table. */
    record Sequences(Sequence shows, Sequence seasons, Sequence episodes, Sequence movies, Sequence sources) {
    }

    InMemoryHandEdits(InMemoryTransactions transactions, Sequences ids) {
        this.transactions = transactions;
        this.ids = ids;
    }

    /** One writer at a time holds the whole store, so the root's lock is the transaction's; it answers existence. */
    @Override
    public boolean lock(ItemRef<?> item) {
        return transactions.write(tables -> root(tables, item).isPresent());
    }

    private static Optional<ItemRef<?>> root(InMemoryTables tables, ItemRef<?> item) {
        return switch (item.kind()) {
            case SHOW -> tables.shows.containsKey(item.id()) ? Optional.of(item) : Optional.empty();
            case MOVIE -> tables.movies.containsKey(item.id()) ? Optional.of(item) : Optional.empty();
            case SEASON -> Optional.ofNullable(tables.seasons.get(item.id())).map(s -> ItemRef.show(s.showId()));
            case EPISODE -> Optional.ofNullable(tables.episodes.get(item.id()))
                    .flatMap(e -> root(tables, ItemRef.season(e.seasonId())));
            case SOURCE -> Optional.ofNullable(tables.sources.get(item.id())).flatMap(s ->
                    s.owner() instanceof SourceOwner.OfMovie m ? root(tables, ItemRef.movie(m.id()))
                            : root(tables, ItemRef.episode(s.owner().id())));
        };
    }

    @Override
    public boolean addedByHand(ItemRef<?> item) {
        return transactions.read(tables -> switch (item.kind()) {
            case SHOW -> Optional.ofNullable(tables.shows.get(item.id())).map(s -> s.key().isByHand()).orElse(false);
            case MOVIE -> Optional.ofNullable(tables.movies.get(item.id())).map(m -> m.key().isByHand()).orElse(false);
            case SEASON -> tables.seasonsByHand.contains(item.id());
            case EPISODE -> tables.episodesByHand.contains(item.id());
            case SOURCE -> tables.sourcesByHand.contains(item.id());
        });
    }

    @Override
    public void claimByHand(ItemRef<?> item) {
        transactions.write(tables -> switch (item.kind()) {
            case SEASON -> tables.seasons.containsKey(item.id()) && tables.seasonsByHand.add(item.id());
            case EPISODE -> tables.episodes.containsKey(item.id()) && tables.episodesByHand.add(item.id());
            case SOURCE -> tables.sources.containsKey(item.id()) && tables.sourcesByHand.add(item.id());
            default -> throw new IllegalArgumentException("a " + item.kind().wireName()
                    + " created by an import keeps its feed key; only seasons, episodes and sources are claimed");
        });
    }

    @Override
    public long insertShow(Show s) {
        return transactions.write(tables -> {
            long id = ids.shows().next();
            tables.shows.put(id, new Show(id, s.key(), s.externalId(), s.slug(), s.title(), s.description(), s.image(),
                    s.releaseDate(), s.imdbRating(), s.kinopoiskRating(), s.createdAt(), s.updatedAt(), s.lockedFields()));
            tables.showIdByKey.put(s.key().value(), id);
            return id;
        });
    }

    @Override
    public void updateShow(Show s) {
        transactions.write(tables -> {
            Show old = tables.shows.get(s.id());
            if (old != null) {
                tables.shows.put(s.id(), new Show(s.id(), old.key(), old.externalId(), old.slug(), s.title(),
                        s.description(), s.image(), s.releaseDate(), s.imdbRating(), s.kinopoiskRating(), old.createdAt(),
                        s.updatedAt(), s.lockedFields()));
            }
            return null;
        });
    }

    @Override
    public void deleteShow(long showId) {
        transactions.write(tables -> {
            tables.deleteShowCascading(showId);
            return null;
        });
    }

    @Override
    public long insertSeason(Season s) {
        return transactions.write(tables -> {
            long id = ids.seasons().next();
            tables.putSeason(new Season(id, s.showId(), s.number(), s.description(), s.lockedFields()));
            tables.seasonsByHand.add(id);
            return id;
        });
    }

    @Override
    public void updateSeason(Season s) {
        transactions.write(tables -> {
            Season old = tables.seasons.get(s.id());
            if (old != null) {
                tables.replaceSeason(new Season(s.id(), old.showId(), s.number(), s.description(), s.lockedFields()));
            }
            return null;
        });
    }

    @Override
    public void deleteSeason(long seasonId) {
        transactions.write(tables -> {
            tables.deleteSeasonCascading(seasonId);
            return null;
        });
    }

    @Override
    public long insertEpisode(Episode e) {
        return transactions.write(tables -> {
            long id = ids.episodes().next();
            tables.putEpisode(new Episode(id, e.seasonId(), e.number(), e.title(), e.description(), e.releaseDate(),
                    e.lockedFields()));
            tables.episodesByHand.add(id);
            return id;
        });
    }

    @Override
    public void updateEpisode(Episode e) {
        transactions.write(tables -> {
            Episode old = tables.episodes.get(e.id());
            if (old != null) {
                tables.replaceEpisode(new Episode(e.id(), old.seasonId(), e.number(), e.title(), e.description(),
                        e.releaseDate(), e.lockedFields()));
            }
            return null;
        });
    }

    @Override
    public void deleteEpisode(long episodeId) {
        transactions.write(tables -> {
            tables.deleteEpisodeCascading(episodeId);
            return null;
        });
    }

    @Override
    public long insertMovie(Movie m) {
        return transactions.write(tables -> {
            long id = ids.movies().next();
            tables.movies.put(id, new Movie(id, m.key(), m.externalId(), m.slug(), m.title(), m.description(),
                    m.image(), m.releaseDate(), m.releaseYear(), m.imdbRating(), m.kinopoiskRating(), m.createdAt(),
                    m.updatedAt(), m.lockedFields()));
            tables.movieIdByKey.put(m.key().value(), id);
            return id;
        });
    }

    @Override
    public void updateMovie(Movie m) {
        transactions.write(tables -> {
            Movie old = tables.movies.get(m.id());
            if (old != null) {
                tables.movies.put(m.id(), new Movie(m.id(), old.key(), old.externalId(), old.slug(), m.title(),
                        m.description(), m.image(), m.releaseDate(), m.releaseYear(), m.imdbRating(),
                        m.kinopoiskRating(), old.createdAt(), m.updatedAt(), m.lockedFields()));
            }
            return null;
        });
    }

    @Override
    public void deleteMovie(long movieId) {
        transactions.write(tables -> {
            tables.deleteMovieCascading(movieId);
            return null;
        });
    }

    @Override
    public long insertSource(Source s) {
        return transactions.write(tables -> {
            long id = ids.sources().next();
            tables.putSource(new Source(id, s.owner(), s.url(), s.type(), s.provider(), s.active(),
                    LinkState.NEVER_CHECKED, s.lockedFields()));
            tables.sourcesByHand.add(id);
            return id;
        });
    }

    @Override
    public void updateSource(Source s) {
        transactions.write(tables -> {
            Source old = tables.sources.get(s.id());
            if (old != null) {
                tables.putSource(new Source(s.id(), old.owner(), s.url(), s.type(), s.provider(), s.active(),
                        old.check(), s.lockedFields()));
            }
            return null;
        });
    }

    @Override
    public void deleteSource(long sourceId) {
        transactions.write(tables -> {
            tables.deleteSourceCascading(sourceId);
            return null;
        });
    }

    static boolean isByHand(FeedKey key) {
        return key.isByHand();
    }
}
