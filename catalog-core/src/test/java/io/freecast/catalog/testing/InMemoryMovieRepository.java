package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.UpsertOutcome;
import io.freecast.catalog.port.out.UpsertTally;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Movies by feed key, with their sources; an unchanged draft writes nothing and moves no timestamp. Fields
 * locked by hand keep their stored values (a movie the feed would have changed there is counted as locked);
 * the sources follow {@link SourceSync}'s rules for hand edits.
 */
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
                outcomes.add(upsert(tables, draft, tally, now));
            }
            return outcomes;
        });
    }

    private UpsertOutcome upsert(InMemoryTables tables, MovieDraft d, UpsertTally tally, Instant now) {
        Long id = tables.movieIdByKey.get(d.key().value());
        if (id == null) {
            Movie created = new Movie(movieIds.next(), d.key(), d.externalId(), d.slug(), d.title(), d.description(),
                    d.image(), d.releaseDate(), d.releaseYear(), d.imdbRating(), d.kinopoiskRating(), now, now);
            tables.movies.put(created.id(), created);
            tables.movieIdByKey.put(d.key().value(), created.id());
            SourceSync.sync(tables, sourceIds, new SourceOwner.OfMovie(created.id()), d.sources(), false, tally);
            return UpsertOutcome.CREATED;
        }
        Movie current = tables.movies.get(id);
        SourceSync.Outcome sources = SourceSync.sync(tables, sourceIds, new SourceOwner.OfMovie(id), d.sources(),
                true, tally);
        Movie fromFeed = new Movie(id, current.key(), d.externalId(), d.slug(), d.title(), d.description(), d.image(),
                d.releaseDate(), d.releaseYear(), keepKnown(d.imdbRating(), current.imdbRating()),
                keepKnown(d.kinopoiskRating(), current.kinopoiskRating()), current.createdAt(), current.updatedAt(),
                current.lockedFields());
        Movie wanted = keepLocked(fromFeed, current);
        if (sources.held() || !wanted.equals(fromFeed)) {
            tally.locked();
        }
        if (wanted.equals(current) && !sources.changed()) {
            return UpsertOutcome.UNCHANGED;
        }
        tables.movies.put(id, new Movie(id, wanted.key(), wanted.externalId(), wanted.slug(), wanted.title(),
                wanted.description(), wanted.image(), wanted.releaseDate(), wanted.releaseYear(), wanted.imdbRating(),
                wanted.kinopoiskRating(), current.createdAt(), now, current.lockedFields()));
        return UpsertOutcome.UPDATED;
    }

    /** The feed's values, with every field locked by hand as {@code stored} has it. */
    private static Movie keepLocked(Movie feed, Movie stored) {
        Set<String> locked = stored.lockedFields();
        if (locked.isEmpty()) {
            return feed;
        }
        return new Movie(feed.id(), feed.key(), feed.externalId(), feed.slug(),
                locked.contains("title") ? stored.title() : feed.title(),
                locked.contains("description") ? stored.description() : feed.description(),
                locked.contains("image") ? stored.image() : feed.image(),
                locked.contains("release_date") ? stored.releaseDate() : feed.releaseDate(),
                locked.contains("release_year") ? stored.releaseYear() : feed.releaseYear(),
                locked.contains("imdb_rating") ? stored.imdbRating() : feed.imdbRating(),
                locked.contains("kinopoisk_rating") ? stored.kinopoiskRating() : feed.kinopoiskRating(),
                feed.createdAt(), feed.updatedAt(), feed.lockedFields());
    }

    /** A rating the feed does not know never erases one the ratings task found. */
    static Rating keepKnown(Rating fromFeed, Rating stored) {
        return fromFeed != null ? fromFeed : stored;
    }
}
