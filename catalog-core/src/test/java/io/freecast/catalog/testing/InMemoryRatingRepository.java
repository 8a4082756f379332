package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.CheckedAt;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Titles due for a rating refresh, shows before movies, each by id; ratings written field by field as
 * {@link RatingUpdate} says, with each field's check time.
 */
final class InMemoryRatingRepository implements RatingRepository {

    private final InMemoryTransactions transactions;

    InMemoryRatingRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<RatingTarget> listDue(Set<RatingField> fields, Instant checkedBefore, RatingTarget after, int limit) {
        Objects.requireNonNull(checkedBefore, "checkedBefore");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("name at least one rating field");
        }
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
                    CheckedAt checked = tables.showRatedAt.getOrDefault(show.id(), CheckedAt.NEVER);
                    if (isDue(checked, fields, checkedBefore)) {
                        due.add(new RatingTarget(TitleKind.SHOW, show.id(), show.title(),
                                show.releaseDate() == null ? null : show.releaseDate().getYear(),
                                new RatingPair(show.imdbRating(), show.kinopoiskRating()), checked));
                    }
                }
            }
            long afterId = after != null && after.kind() == TitleKind.MOVIE ? after.id() : 0;
            for (Movie movie : tables.movies.tailMap(afterId, false).values()) {
                if (due.size() == limit) {
                    break;
                }
                CheckedAt checked = tables.movieRatedAt.getOrDefault(movie.id(), CheckedAt.NEVER);
                if (isDue(checked, fields, checkedBefore)) {
                    Integer year = movie.releaseYear() != null ? movie.releaseYear()
                            : movie.releaseDate() == null ? null : movie.releaseDate().getYear();
                    due.add(new RatingTarget(TitleKind.MOVIE, movie.id(), movie.title(), year,
                            new RatingPair(movie.imdbRating(), movie.kinopoiskRating()), checked));
                }
            }
            return due;
        });
    }

    @Override
    public long countDue(Set<RatingField> fields, Instant checkedBefore) {
        Objects.requireNonNull(checkedBefore, "checkedBefore");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("name at least one rating field");
        }
        return transactions.read(tables -> tables.shows.keySet().stream()
                .filter(id -> isDue(tables.showRatedAt.getOrDefault(id, CheckedAt.NEVER), fields, checkedBefore)).count()
                + tables.movies.keySet().stream()
                .filter(id -> isDue(tables.movieRatedAt.getOrDefault(id, CheckedAt.NEVER), fields, checkedBefore)).count());
    }

    private static boolean isDue(CheckedAt checked, Set<RatingField> fields, Instant checkedBefore) {
        return fields.stream().anyMatch(f -> checked.get(f) == null || checked.get(f).isBefore(checkedBefore));
    }

    /**
     * Each field as {@link RatingUpdate} says (the source's known answer replaces, another provider's answer
     * fills only an unknown field), except a rating a person set by hand (locked), which keeps its value;
     * {@code updatedAt} moves only when a rating actually changes; the source's fields are stamped.
     */
    @Override
    public void saveAll(List<RatingUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        transactions.write(tables -> {
            for (RatingUpdate u : updates) {
                if (u.kind() == TitleKind.SHOW) {
                    Show s = tables.shows.get(u.id());
                    if (s == null) {
                        continue;
                    }
                    RatingPair now = new RatingPair(s.imdbRating(), s.kinopoiskRating());
                    RatingPair next = written(now, u, s.lockedFields());
                    boolean changed = !now.equals(next);
                    tables.shows.put(s.id(), new Show(s.id(), s.key(), s.externalId(), s.slug(), s.title(),
                            s.description(), s.image(), s.releaseDate(), next.imdb(), next.kinopoisk(), s.createdAt(),
                            changed ? u.checkedAt() : s.updatedAt(), s.lockedFields()));
                    tables.showRatedAt.put(s.id(), stamped(tables.showRatedAt.getOrDefault(s.id(), CheckedAt.NEVER), u));
                } else {
                    Movie m = tables.movies.get(u.id());
                    if (m == null) {
                        continue;
                    }
                    RatingPair now = new RatingPair(m.imdbRating(), m.kinopoiskRating());
                    RatingPair next = written(now, u, m.lockedFields());
                    boolean changed = !now.equals(next);
                    tables.movies.put(m.id(), new Movie(m.id(), m.key(), m.externalId(), m.slug(), m.title(),
                            m.description(), m.image(), m.releaseDate(), m.releaseYear(), next.imdb(), next.kinopoisk(),
                            m.createdAt(), changed ? u.checkedAt() : m.updatedAt(), m.lockedFields()));
                    tables.movieRatedAt.put(m.id(), stamped(tables.movieRatedAt.getOrDefault(m.id(), CheckedAt.NEVER), u));
                }
            }
            return null;
        });
    }

    private static RatingPair written(RatingPair now, RatingUpdate u, Set<String> locked) {
        RatingPair next = now;
        for (RatingField field : RatingField.values()) {
            Rating answered = u.answer().get(field);
            if (answered == null || locked.contains(field.fieldName())) {
                continue;
            }
            if (u.sourceOf().contains(field) || now.get(field) == null) {
                next = next.with(field, answered);
            }
        }
        return next;
    }

    private static CheckedAt stamped(CheckedAt checked, RatingUpdate u) {
        CheckedAt next = checked;
        for (RatingField field : u.sourceOf()) {
            next = next.with(field, u.checkedAt());
        }
        return next;
    }
}
