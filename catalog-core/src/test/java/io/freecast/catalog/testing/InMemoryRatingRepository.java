package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Titles due for a rating refresh, shows before movies, each by id; ratings written with their stamp. */
final class InMemoryRatingRepository implements RatingRepository {

    private final InMemoryTransactions transactions;

    InMemoryRatingRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<RatingTarget> listDue(Instant ratedBefore, RatingTarget after, int limit) {
        Objects.requireNonNull(ratedBefore, "ratedBefore");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        return transactions.read(tables -> {
            List<RatingTarget> due = new ArrayList<>(limit);
            if (after == null || after.kind() == TitleKind.SHOW) {
                long afterId = after == null ? 0 : after.id();
                for (Show show : tables.shows.tailMap(afterId, false).values()) {
                    if (due.size() == limit) {
                        break;
                    }
                    Instant ratedAt = tables.showRatedAt.get(show.id());
                    if (isDue(ratedAt, ratedBefore)) {
                        due.add(new RatingTarget(TitleKind.SHOW, show.id(), show.title(),
                                show.releaseDate() == null ? null : show.releaseDate().getYear(),
                                new RatingPair(show.imdbRating(), show.kinopoiskRating()), ratedAt));
                    }
                }
            }
            long afterId = after != null && after.kind() == TitleKind.MOVIE ? after.id() : 0;
            for (Movie movie : tables.movies.tailMap(afterId, false).values()) {
                if (due.size() == limit) {
                    break;
                }
                Instant ratedAt = tables.movieRatedAt.get(movie.id());
                if (isDue(ratedAt, ratedBefore)) {
                    Integer year = movie.releaseYear() != null ? movie.releaseYear()
                            : movie.releaseDate() == null ? null : movie.releaseDate().getYear();
                    due.add(new RatingTarget(TitleKind.MOVIE, movie.id(), movie.title(), year,
                            new RatingPair(movie.imdbRating(), movie.kinopoiskRating()), ratedAt));
                }
            }
            return due;
        });
    }

    private static boolean isDue(Instant ratedAt, Instant ratedBefore) {
        return ratedAt == null || ratedAt.isBefore(ratedBefore);
    }

    /**
     * The ratings replace the stored ones, except a rating a person set by hand (locked), which keeps its value;
     * {@code updatedAt} moves only when a rating actually changes.
     */
    @Override
    public void saveAll(List<RatingUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        transactions.write(tables -> {
            for (RatingUpdate u : updates) {
                RatingPair pair = u.ratings() == null ? RatingPair.UNKNOWN : u.ratings();
                if (u.kind() == TitleKind.SHOW) {
                    Show s = tables.shows.get(u.id());
                    if (s == null) {
                        continue;
                    }
                    Rating imdb = unlessLocked(s.lockedFields(), "imdb_rating", s.imdbRating(), pair.imdb());
                    Rating kinopoisk = unlessLocked(s.lockedFields(), "kinopoisk_rating", s.kinopoiskRating(),
                            pair.kinopoisk());
                    boolean changed = !Objects.equals(s.imdbRating(), imdb)
                            || !Objects.equals(s.kinopoiskRating(), kinopoisk);
                    tables.shows.put(s.id(), new Show(s.id(), s.key(), s.externalId(), s.slug(), s.title(),
                            s.description(), s.image(), s.releaseDate(), imdb, kinopoisk, s.createdAt(),
                            changed ? u.ratedAt() : s.updatedAt(), s.lockedFields()));
                    tables.showRatedAt.put(s.id(), u.ratedAt());
                } else {
                    Movie m = tables.movies.get(u.id());
                    if (m == null) {
                        continue;
                    }
                    Rating imdb = unlessLocked(m.lockedFields(), "imdb_rating", m.imdbRating(), pair.imdb());
                    Rating kinopoisk = unlessLocked(m.lockedFields(), "kinopoisk_rating", m.kinopoiskRating(),
                            pair.kinopoisk());
                    boolean changed = !Objects.equals(m.imdbRating(), imdb)
                            || !Objects.equals(m.kinopoiskRating(), kinopoisk);
                    tables.movies.put(m.id(), new Movie(m.id(), m.key(), m.externalId(), m.slug(), m.title(),
                            m.description(), m.image(), m.releaseDate(), m.releaseYear(), imdb, kinopoisk,
                            m.createdAt(), changed ? u.ratedAt() : m.updatedAt(), m.lockedFields()));
                    tables.movieRatedAt.put(m.id(), u.ratedAt());
                }
            }
            return null;
        });
    }

    private static Rating unlessLocked(java.util.Set<String> locked, String field, Rating stored, Rating found) {
        return locked.contains(field) ? stored : found;
    }
}
