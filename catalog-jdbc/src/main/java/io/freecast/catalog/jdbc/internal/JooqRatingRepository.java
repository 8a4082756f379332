package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.CheckedAt;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import io.freecast.catalog.port.out.Transactions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;

/**
 * The ratings side of shows and movies: a keyset walk over titles due for a refresh by a provider (shows
 * first, then movies, each by id: at most two statements a page; each rating field has its own check time,
 * {@code imdb_checked_at} and {@code kinopoisk_checked_at}), and batched rating writes.
 */
final class JooqRatingRepository implements RatingRepository {

    private final DSLContext dsl;
    private final Transactions transactions;

    JooqRatingRepository(DSLContext dsl, Transactions transactions) {
        this.dsl = dsl;
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
        LocalDateTime before = Rows.toDb(checkedBefore);
        List<RatingTarget> due = new ArrayList<>(limit);
        if (after == null || after.kind() == TitleKind.SHOW) {
            long afterId = after == null ? 0 : after.id();
            dsl.select(SHOW.ID, SHOW.TITLE, SHOW.RELEASE_DATE, SHOW.IMDB_RATING, SHOW.KINOPOISK_RATING,
                            SHOW.IMDB_CHECKED_AT, SHOW.KINOPOISK_CHECKED_AT)
                    .from(SHOW)
                    .where(SHOW.ID.gt(afterId))
                    .and(due(fields, SHOW.IMDB_CHECKED_AT, SHOW.KINOPOISK_CHECKED_AT, before))
                    .orderBy(SHOW.ID)
                    .limit(limit)
                    .forEach(r -> due.add(new RatingTarget(TitleKind.SHOW, r.value1(), r.value2(), year(r.value3(), null),
                            new RatingPair(Rows.rating(r.value4()), Rows.rating(r.value5())),
                            new CheckedAt(Rows.fromDb(r.value6()), Rows.fromDb(r.value7())))));
        }
        if (due.size() < limit) {
            long afterId = after != null && after.kind() == TitleKind.MOVIE ? after.id() : 0;
            dsl.select(MOVIE.ID, MOVIE.TITLE, MOVIE.RELEASE_DATE, MOVIE.RELEASE_YEAR, MOVIE.IMDB_RATING,
                            MOVIE.KINOPOISK_RATING, MOVIE.IMDB_CHECKED_AT, MOVIE.KINOPOISK_CHECKED_AT)
                    .from(MOVIE)
                    .where(MOVIE.ID.gt(afterId))
                    .and(due(fields, MOVIE.IMDB_CHECKED_AT, MOVIE.KINOPOISK_CHECKED_AT, before))
                    .orderBy(MOVIE.ID)
                    .limit(limit - due.size())
                    .forEach(r -> due.add(new RatingTarget(TitleKind.MOVIE, r.value1(), r.value2(),
                            year(r.value3(), r.value4()),
                            new RatingPair(Rows.rating(r.value5()), Rows.rating(r.value6())),
                            new CheckedAt(Rows.fromDb(r.value7()), Rows.fromDb(r.value8())))));
        }
        return due;
    }

    @Override
    public long countDue(Set<RatingField> fields, Instant checkedBefore) {
        Objects.requireNonNull(checkedBefore, "checkedBefore");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("name at least one rating field");
        }
        LocalDateTime before = Rows.toDb(checkedBefore);
        return (long) dsl.fetchCount(SHOW, due(fields, SHOW.IMDB_CHECKED_AT, SHOW.KINOPOISK_CHECKED_AT, before))
                + dsl.fetchCount(MOVIE, due(fields, MOVIE.IMDB_CHECKED_AT, MOVIE.KINOPOISK_CHECKED_AT, before));
    }

    /** Any of {@code fields} never checked, or checked before {@code before}. */
    private static Condition due(Set<RatingField> fields, Field<LocalDateTime> imdbCheckedAt,
                                 Field<LocalDateTime> kinopoiskCheckedAt, LocalDateTime before) {
        Condition due = DSL.falseCondition();
        for (RatingField field : fields) {
            Field<LocalDateTime> checkedAt = field == RatingField.IMDB ? imdbCheckedAt : kinopoiskCheckedAt;
            due = due.or(checkedAt.isNull().or(checkedAt.lt(before)));
        }
        return due;
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
            // One batch per table and provider (a run has one provider, so normally one batch per table).
            Map<Set<RatingField>, List<RatingUpdate>> bySource = new LinkedHashMap<>();
            updates.forEach(u -> bySource.computeIfAbsent(u.sourceOf(), k -> new ArrayList<>()).add(u));
            bySource.forEach((sourceOf, group) -> {
                save(new TitleTable(SHOW, SHOW.ID, SHOW.IMDB_RATING, SHOW.KINOPOISK_RATING, SHOW.IMDB_CHECKED_AT,
                                SHOW.KINOPOISK_CHECKED_AT, SHOW.UPDATED_AT, SHOW.LOCKED_FIELDS), sourceOf,
                        group.stream().filter(u -> u.kind() == TitleKind.SHOW).toList());
                save(new TitleTable(MOVIE, MOVIE.ID, MOVIE.IMDB_RATING, MOVIE.KINOPOISK_RATING, MOVIE.IMDB_CHECKED_AT,
                                MOVIE.KINOPOISK_CHECKED_AT, MOVIE.UPDATED_AT, MOVIE.LOCKED_FIELDS), sourceOf,
                        group.stream().filter(u -> u.kind() == TitleKind.MOVIE).toList());
            });
            return null;
        });
    }

    /** The columns of shows or movies that a ratings write touches. */
    private record TitleTable(Table<?> table, Field<Long> id, Field<Double> imdb, Field<Double> kinopoisk,
                              Field<LocalDateTime> imdbCheckedAt, Field<LocalDateTime> kinopoiskCheckedAt,
                              Field<LocalDateTime> updatedAt, Field<String> locked) {

        Field<Double> rating(RatingField field) {
            return field == RatingField.IMDB ? imdb : kinopoisk;
        }

        Field<LocalDateTime> checkedAt(RatingField field) {
            return field == RatingField.IMDB ? imdbCheckedAt : kinopoiskCheckedAt;
        }
    }

    /**
     * One JDBC batch per table, each field decided in SQL at the moment of writing (RatingUpdate's rule): a field
     * the provider is the source of takes a known answer ({@code COALESCE(answer, column)}), any other field
     * only fills an unknown value ({@code COALESCE(column, answer)}), a locked field keeps its value. Deciding
     * it here rather than from the values read before the run means two providers' runs writing one title at
     * once never undo each other. {@code updated_at} moves only when a rating actually changes; only the
     * source's check times are stamped.
     */
    private void save(TitleTable t, Set<RatingField> sourceOf, List<RatingUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        List<Field<Double>> newValues = new ArrayList<>();
        for (RatingField field : RatingField.values()) {
            Field<Double> answer = DSL.param(field.name().toLowerCase(java.util.Locale.ROOT), Double.class);
            newValues.add(written(t, field, sourceOf, answer));
        }
        set.put(t.imdb(), newValues.get(0));
        set.put(t.kinopoisk(), newValues.get(1));
        for (RatingField field : RatingField.values()) {
            if (sourceOf.contains(field)) {
                // The columns' own data type, so the stamp is bound as every time is (UtcTimestampBinding).
                set.put(t.checkedAt(field), DSL.param("stamp_" + field.name(), t.checkedAt(field).getDataType()));
            }
        }
        Field<Double> imdbAgain = written(t, RatingField.IMDB, sourceOf, DSL.param("imdb2", Double.class));
        Field<Double> kinopoiskAgain = written(t, RatingField.KINOPOISK, sourceOf, DSL.param("kinopoisk2", Double.class));
        set.put(t.updatedAt(), DSL.when(t.imdb().isDistinctFrom(imdbAgain).or(t.kinopoisk().isDistinctFrom(kinopoiskAgain)),
                DSL.param("stamp_updated", t.updatedAt().getDataType())).otherwise(t.updatedAt()));
        Field<Long> key = DSL.param("id", Long.class);
        int stamps = (int) java.util.Arrays.stream(RatingField.values()).filter(sourceOf::contains).count();
        List<Object[]> binds = updates.stream().map(u -> {
            Double i = Rows.toDb(u.answer().imdb());
            Double k = Rows.toDb(u.answer().kinopoisk());
            LocalDateTime at = Rows.toDb(u.checkedAt());
            // The bind order follows the SQL text: SET imdb, kinopoisk, the stamps, then the CASE, then WHERE.
            List<Object> values = new ArrayList<>(java.util.Arrays.asList(i, k));
            for (int n = 0; n < stamps; n++) {
                values.add(at);
            }
            values.add(i);
            values.add(k);
            values.add(at);
            values.add(u.id());
            return values.toArray();
        }).toList();
        Batches.executeBatch(dsl, dsl.update(t.table()).set(set).where(t.id().eq(key)), binds);
    }

    /** What {@code field} becomes: unchanged when locked; else the answer as the field's source or as a gap filler. */
    private static Field<Double> written(TitleTable t, RatingField field, Set<RatingField> sourceOf, Field<Double> answer) {
        Field<Double> column = t.rating(field);
        Field<Double> value = sourceOf.contains(field) ? DSL.coalesce(answer, column) : DSL.coalesce(column, answer);
        return DSL.when(t.locked().like(DSL.inline(LockedColumn.pattern(field.fieldName()))), column).otherwise(value);
    }
}
