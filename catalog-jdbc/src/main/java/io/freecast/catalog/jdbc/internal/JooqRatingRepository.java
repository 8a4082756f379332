package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import io.freecast.catalog.port.out.Transactions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;

/**
 * The ratings side of shows and movies: a keyset walk over titles due for a refresh (shows first, then
 * movies, each by id: at most two statements a page), and batched rating writes.
 */
final class JooqRatingRepository implements RatingRepository {

    private final DSLContext dsl;
    private final Transactions transactions;

    JooqRatingRepository(DSLContext dsl, Transactions transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    @Override
    public List<RatingTarget> listDue(Instant ratedBefore, RatingTarget after, int limit) {
        Objects.requireNonNull(ratedBefore, "ratedBefore");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        LocalDateTime before = Rows.toDb(ratedBefore);
        List<RatingTarget> due = new ArrayList<>(limit);
        if (after == null || after.kind() == TitleKind.SHOW) {
            long afterId = after == null ? 0 : after.id();
            dsl.select(SHOW.ID, SHOW.TITLE, SHOW.RELEASE_DATE, SHOW.IMDB_RATING, SHOW.KINOPOISK_RATING,
                            SHOW.RATINGS_CHECKED_AT)
                    .from(SHOW)
                    .where(SHOW.ID.gt(afterId)).and(due(SHOW.RATINGS_CHECKED_AT, before))
                    .orderBy(SHOW.ID)
                    .limit(limit)
                    .forEach(r -> due.add(new RatingTarget(TitleKind.SHOW, r.value1(), r.value2(), year(r.value3(), null),
                            new RatingPair(Rows.rating(r.value4()), Rows.rating(r.value5())), Rows.fromDb(r.value6()))));
        }
        if (due.size() < limit) {
            long afterId = after != null && after.kind() == TitleKind.MOVIE ? after.id() : 0;
            dsl.select(MOVIE.ID, MOVIE.TITLE, MOVIE.RELEASE_DATE, MOVIE.RELEASE_YEAR, MOVIE.IMDB_RATING,
                            MOVIE.KINOPOISK_RATING, MOVIE.RATINGS_CHECKED_AT)
                    .from(MOVIE)
                    .where(MOVIE.ID.gt(afterId)).and(due(MOVIE.RATINGS_CHECKED_AT, before))
                    .orderBy(MOVIE.ID)
                    .limit(limit - due.size())
                    .forEach(r -> due.add(new RatingTarget(TitleKind.MOVIE, r.value1(), r.value2(),
                            year(r.value3(), r.value4()),
                            new RatingPair(Rows.rating(r.value5()), Rows.rating(r.value6())), Rows.fromDb(r.value7()))));
        }
        return due;
    }

    private static Condition due(Field<LocalDateTime> ratedAt, LocalDateTime before) {
        return ratedAt.isNull().or(ratedAt.lt(before));
    }

    private static Integer year(LocalDate releaseDate, Integer releaseYear) {
        if (releaseYear != null) {
            return releaseYear;
        }
        return releaseDate == null ? null : releaseDate.getYear();
    }

    @Override
    public void saveAll(List<RatingUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        transactions.inTransaction(() -> {
            save(SHOW, SHOW.ID, SHOW.IMDB_RATING, SHOW.KINOPOISK_RATING, SHOW.RATINGS_CHECKED_AT, SHOW.UPDATED_AT,
                    SHOW.LOCKED_FIELDS, updates.stream().filter(u -> u.kind() == TitleKind.SHOW).toList());
            save(MOVIE, MOVIE.ID, MOVIE.IMDB_RATING, MOVIE.KINOPOISK_RATING, MOVIE.RATINGS_CHECKED_AT, MOVIE.UPDATED_AT,
                    MOVIE.LOCKED_FIELDS, updates.stream().filter(u -> u.kind() == TitleKind.MOVIE).toList());
            return null;
        });
    }

    /**
     * One JDBC batch per table. {@code updated_at} moves only when a rating actually changes, so a
     * refresh that finds the same ratings leaves the row as it was apart from its rated-at stamp. A rating a
     * person set by hand (locked) keeps its value.
     */
    private void save(Table<?> table, Field<Long> id, Field<Double> imdb, Field<Double> kinopoisk,
                      Field<LocalDateTime> ratedAt, Field<LocalDateTime> updatedAt, Field<String> locked,
                      List<RatingUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        Field<Double> newImdb = DSL.param("imdb", Double.class);
        Field<Double> newKinopoisk = DSL.param("kinopoisk", Double.class);
        // The columns' own data type, so the stamp is bound as every time is (UtcTimestampBinding).
        Field<LocalDateTime> stamp = DSL.param("stamp", ratedAt.getDataType());
        Field<LocalDateTime> stampAgain = DSL.param("stamp2", updatedAt.getDataType());
        Field<Double> imdbAgain = DSL.param("imdb2", Double.class);
        Field<Double> kinopoiskAgain = DSL.param("kinopoisk2", Double.class);
        Field<Long> key = DSL.param("id", Long.class);
        List<Object[]> binds = updates.stream().map(u -> {
            Double i = Rows.toDb(u.ratings() == null ? null : u.ratings().imdb());
            Double k = Rows.toDb(u.ratings() == null ? null : u.ratings().kinopoisk());
            LocalDateTime at = Rows.toDb(u.ratedAt());
            return new Object[] {i, k, at, i, k, at, u.id()};
        }).toList();
        // The bind order follows the SQL text: SET imdb, kinopoisk, rated_at, then the CASE, then WHERE.
        Batches.executeBatch(dsl, dsl.update(table)
                .set(imdb, unlessLocked(locked, "imdb_rating", imdb, newImdb))
                .set(kinopoisk, unlessLocked(locked, "kinopoisk_rating", kinopoisk, newKinopoisk))
                .set(ratedAt, stamp)
                .set(updatedAt, DSL.when(imdb.isDistinctFrom(unlessLocked(locked, "imdb_rating", imdb, imdbAgain))
                        .or(kinopoisk.isDistinctFrom(unlessLocked(locked, "kinopoisk_rating", kinopoisk, kinopoiskAgain))),
                        stampAgain).otherwise(updatedAt))
                .where(id.eq(key)), binds);
    }

    /** {@code value}, unless a person locked {@code field}: then the column's own value (the pattern is inlined, binding nothing). */
    private static Field<Double> unlessLocked(Field<String> locked, String field, Field<Double> column,
                                              Field<Double> value) {
        return DSL.when(locked.like(DSL.inline(LockedColumn.pattern(field))), column).otherwise(value);
    }
}
