package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.UpsertOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Movies by feed key, with their sources; an unchanged draft writes nothing and moves no timestamp. */
final class InMemoryMovieRepository implements MovieRepository {

    private final InMemoryTransactions transactions;
    private final Sequence movieIds;
    private final Sequence sourceIds;
    private final Clock clock;

    InMemoryMovieRepository(InMemoryTransactions transactions, Sequence movieIds, Sequence sourceIds, Clock clock) {
        this.transactions = transactions;
        this.movieIds = movieIds;
        this.sourceIds = sourceIds;
        this.clock = clock;
    }

    @Override
    public List<UpsertOutcome> upsertAll(List<MovieDraft> movies) {
        if (movies.isEmpty()) {
            return List.of();
        }
        return transactions.write(tables -> {
            Instant now = clock.instant();
            List<UpsertOutcome> outcomes = new ArrayList<>(movies.size());
            for (MovieDraft draft : movies) {
                outcomes.add(upsert(tables, draft, now));
            }
            return outcomes;
        });
    }

    private UpsertOutcome upsert(InMemoryTables tables, MovieDraft d, Instant now) {
        Long id = tables.movieIdByKey.get(d.key().value());
        if (id == null) {
            Movie created = new Movie(movieIds.next(), d.key(), d.externalId(), d.slug(), d.title(), d.description(),
                    d.image(), d.releaseDate(), d.releaseYear(), d.imdbRating(), d.kinopoiskRating(), now, now);
            tables.movies.put(created.id(), created);
            tables.movieIdByKey.put(d.key().value(), created.id());
            SourceSync.sync(tables, sourceIds, new SourceOwner.OfMovie(created.id()), d.sources());
            return UpsertOutcome.CREATED;
        }
        Movie current = tables.movies.get(id);
        boolean sourcesChanged = SourceSync.sync(tables, sourceIds, new SourceOwner.OfMovie(id), d.sources());
        Movie wanted = new Movie(id, current.key(), d.externalId(), d.slug(), d.title(), d.description(), d.image(),
                d.releaseDate(), d.releaseYear(), keepKnown(d.imdbRating(), current.imdbRating()),
                keepKnown(d.kinopoiskRating(), current.kinopoiskRating()), current.createdAt(), current.updatedAt());
        if (wanted.equals(current) && !sourcesChanged) {
            return UpsertOutcome.UNCHANGED;
        }
        tables.movies.put(id, new Movie(id, wanted.key(), wanted.externalId(), wanted.slug(), wanted.title(),
                wanted.description(), wanted.image(), wanted.releaseDate(), wanted.releaseYear(), wanted.imdbRating(),
                wanted.kinopoiskRating(), current.createdAt(), now));
        return UpsertOutcome.UPDATED;
    }

    /** A rating the feed does not know never erases one the ratings task found. */
    static Rating keepKnown(Rating fromFeed, Rating stored) {
        return fromFeed != null ? fromFeed : stored;
    }
}
