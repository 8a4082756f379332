package io.freecast.catalog.testing;

import io.freecast.catalog.port.out.UpsertTally;
import java.util.Set;

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
    public List<UpsertOutcome> upsertAll(List<MovieDraft> movies, UpsertTally tally) {
        if (movies.isEmpty()) {
            return List.of();
        }
        return transactions.write(tables -> {
            Instant now = clock.instant();
            List<UpsertOutcome> outcomes = new ArrayList<>(movies.size());
            for (MovieDraft draft : movies) {
                outcomes.add(upsert(tables, draft, now, tally));
            }
            return outcomes;
        });
    }

    private UpsertOutcome upsert(InMemoryTables tables, MovieDraft d, Instant now, UpsertTally tally) {
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
        boolean[] held = new boolean[1];
        boolean sourcesChanged = SourceSync.sync(tables, sourceIds, new SourceOwner.OfMovie(id), d.sources(), tally, held);
        Movie fromFeed = new Movie(id, current.key(), d.externalId(), d.slug(), d.title(), d.description(), d.image(),
                d.releaseDate(), d.releaseYear(), keepKnown(d.imdbRating(), current.imdbRating()),
                keepKnown(d.kinopoiskRating(), current.kinopoiskRating()), current.createdAt(), current.updatedAt(),
                current.lockedFields());
        Set<String> locks = current.lockedFields();
        Movie wanted = new Movie(id, current.key(), d.externalId(), d.slug(),
                pick(locks, "title", current.title(), fromFeed.title()),
                pick(locks, "description", current.description(), fromFeed.description()),
                pick(locks, "image", current.image(), fromFeed.image()),
                pick(locks, "release_date", current.releaseDate(), fromFeed.releaseDate()),
                pick(locks, "release_year", current.releaseYear(), fromFeed.releaseYear()),
                pick(locks, "imdb_rating", current.imdbRating(), fromFeed.imdbRating()),
                pick(locks, "kinopoisk_rating", current.kinopoiskRating(), fromFeed.kinopoiskRating()),
                current.createdAt(), current.updatedAt(), locks);
        if (held[0] || !wanted.equals(fromFeed)) {
            tally.locked();
        }
        if (wanted.equals(current) && !sourcesChanged) {
            return UpsertOutcome.UNCHANGED;
        }
        tables.movies.put(id, new Movie(id, wanted.key(), wanted.externalId(), wanted.slug(), wanted.title(),
                wanted.description(), wanted.image(), wanted.releaseDate(), wanted.releaseYear(), wanted.imdbRating(),
                wanted.kinopoiskRating(), current.createdAt(), now, locks));
        return UpsertOutcome.UPDATED;
    }

    /** The stored value when a person locked the field, else the feed's. */
    static <T> T pick(Set<String> locks, String field, T stored, T fromFeed) {
        return locks.contains(field) ? stored : fromFeed;
    }

    /** A rating the feed does not know never erases one the ratings task found. */
    static Rating keepKnown(Rating fromFeed, Rating stored) {
        return fromFeed != null ? fromFeed : stored;
    }
}
