package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.TitleFilter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.SqlitePlanHints.indexedBy;
import static io.freecast.catalog.jdbc.internal.SqlitePlanHints.notThroughAnIndex;
import static io.freecast.catalog.jdbc.internal.schema.Indexes.IX_MOVIE_IMDB_RATING;
import static io.freecast.catalog.jdbc.internal.schema.Indexes.IX_MOVIE_LOCKED;
import static io.freecast.catalog.jdbc.internal.schema.Indexes.IX_SHOW_IMDB_RATING;
import static io.freecast.catalog.jdbc.internal.schema.Indexes.IX_SHOW_LOCKED;
import static io.freecast.catalog.jdbc.internal.schema.Indexes.IX_SOURCE_INACTIVE_EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Indexes.IX_SOURCE_INACTIVE_MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * The web admin's filters of one list (shows or movies), and the two ways each can be read.
 *
 * <p>Asked of each title: a page walks the list's order and keeps the titles that match, which finds a page soonest
 * when many match. When few match, that walk reads most of the list for a page and all of it for the page's total:
 * at 1,000,000 movies and 100,000 shows on SQLite, "has inactive sources" with 3 of them took 0.1 s (movies) and
 * 0.55–0.81 s (shows) a page, "locked fields" with none 0.8–0.9 s in title or rating order (each movie's row read). So on
 * SQLite a filter can also be read from its own index: the ids of the few titles it matches, looked up and sorted.
 * Which way is decided per request by how many entries that index holds, counted up to {@link #FEW} in the total's
 * statement (see {@link #total}); the page's statement then takes the same way. The result is the same either way;
 * only the cost differs. PostgreSQL's planner makes this choice itself, from its statistics.
 */
final class TitleFilters {

    /**
     * Below this many entries in a filter's index, the filter is read from it. Measured on SQLite at 1,000,000
     * movies and 100,000 shows ("has inactive sources", a page of 50 and its total in title, id and rating order):
     * with 999 inactive sources of each kind 104–111 ms (movies) and 0.49–0.52 s (shows) asked of each title,
     * 1–2 ms and 4–7 ms read from the index; with 4,999 of each kind 22–23 ms and 88–111 ms against 2–9 ms and
     * 12–32 ms. With 6,000 of each kind the walk is as fast or faster (21–29 ms and 90–160 ms); with 40,000 and
     * 90,000 it takes 5–10 ms. A link check's first run over a large catalog turns many sources off; an operator
     * repairing them leaves few.
     */
    static final int FEW = 5_000;

    /**
     * One filter, asked of each title: {@code matches} for a count, which may read any index, and
     * {@code matchesInListOrder} for a page, written so that SQLite walks the list's order (the same condition for
     * most filters); read from its index: the ids of the titles it matches (SQLite: {@code INDEXED BY} it), and that
     * index's entries up to {@link #FEW}, counted to tell few from many.
     */
    private record Reading(Condition matches, Condition matchesInListOrder, Select<? extends Record1<Long>> matchingIds,
                           Select<?> entries) {
    }

    private final Field<Long> id;
    private final DatabaseKind database;
    /**
     * Builds a filter's reading at each use, while a statement is rendered ({@link RenderedSelect}): each statement
     * gets query objects of its own, as jOOQ's select builders are mutable.
     */
    private final Function<TitleFilter, Reading> readings;

    private TitleFilters(Field<Long> id, DatabaseKind database, Function<TitleFilter, Reading> readings) {
        this.id = id;
        this.database = database;
        this.readings = readings;
    }

    static TitleFilters shows(DatabaseKind database) {
        return new TitleFilters(SHOW.ID, database, filter -> switch (filter) {
            // The show's seasons and episodes through the unique (show, number) and (season, number) indexes, each
            // episode looked up among the inactive sources by owner (V14). Nested, not one join: SQLite (no
            // statistics) began a join at source's (is_active, id) index, and so walked every inactive source of the
            // catalog for each show. From the index: nested IN lists (the inactive sources' episodes, their seasons,
            // their shows), each list's rows looked up by primary key — a join could be planned in another order.
            case INACTIVE_SOURCES -> askedAlike(
                    DSL.exists(DSL.selectOne().from(SEASON)
                            .join(EPISODE).on(EPISODE.SEASON_ID.eq(SEASON.ID))
                            .where(SEASON.SHOW_ID.eq(SHOW.ID))
                            .and(DSL.exists(DSL.selectOne().from(SOURCE).where(SOURCE.EPISODE_ID.eq(EPISODE.ID))
                                    .and(SOURCE.IS_ACTIVE.eq(DSL.inline(false)))))),
                    DSL.select(SEASON.SHOW_ID).from(SEASON).where(SEASON.ID.in(
                            DSL.select(EPISODE.SEASON_ID).from(EPISODE).where(EPISODE.ID.in(
                                    DSL.select(SOURCE.EPISODE_ID).from(indexedBy(SOURCE, IX_SOURCE_INACTIVE_EPISODE))
                                            .where(inactive(SOURCE.EPISODE_ID)))))),
                    entries(SOURCE, IX_SOURCE_INACTIVE_EPISODE, inactive(SOURCE.EPISODE_ID)));
            case RATING_UNKNOWN -> ratingUnknown(SHOW, SHOW.ID, SHOW.IMDB_RATING, SHOW.KINOPOISK_RATING, IX_SHOW_IMDB_RATING,
                    database);
            case LOCKED_FIELDS -> locked(SHOW, SHOW.ID, SHOW.LOCKED_FIELDS, IX_SHOW_LOCKED);
        });
    }

    static TitleFilters movies(DatabaseKind database) {
        return new TitleFilters(MOVIE.ID, database, filter -> switch (filter) {
            // Among the inactive sources by owner (V14).
            case INACTIVE_SOURCES -> askedAlike(
                    DSL.exists(DSL.selectOne().from(SOURCE)
                            .where(SOURCE.MOVIE_ID.eq(MOVIE.ID)).and(SOURCE.IS_ACTIVE.eq(DSL.inline(false)))),
                    DSL.select(SOURCE.MOVIE_ID).from(indexedBy(SOURCE, IX_SOURCE_INACTIVE_MOVIE))
                            .where(inactive(SOURCE.MOVIE_ID)),
                    entries(SOURCE, IX_SOURCE_INACTIVE_MOVIE, inactive(SOURCE.MOVIE_ID)));
            case RATING_UNKNOWN -> ratingUnknown(MOVIE, MOVIE.ID, MOVIE.IMDB_RATING, MOVIE.KINOPOISK_RATING,
                    IX_MOVIE_IMDB_RATING, database);
            case LOCKED_FIELDS -> locked(MOVIE, MOVIE.ID, MOVIE.LOCKED_FIELDS, IX_MOVIE_LOCKED);
        });
    }

    /** A filter whose condition is the same for a count and for a page. */
    private static Reading askedAlike(Condition matches, Select<? extends Record1<Long>> matchingIds, Select<?> entries) {
        return new Reading(matches, matches, matchingIds, entries);
    }

    /**
     * Both ratings unknown; from the index of the IMDb rating, whose unknown values come first. A page asks it of
     * each title on SQLite with each rating behind a unary {@code +}, which keeps SQLite from reading the titles
     * through a rating's index: it did, and sorted all 71,000 unrated movies of 1,000,000 for a page in title order
     * (0.12–0.25 s; 2 ms walking the title order). A count keeps the plain condition: through either rating's index it
     * reads only the matches up to the cap, where the walk in row id order could read most of the list.
     */
    private static Reading ratingUnknown(Table<?> titles, Field<Long> id, Field<Double> imdb, Field<Double> kinopoisk,
                                         Index byImdbRating, DatabaseKind database) {
        Condition unknown = imdb.isNull().and(kinopoisk.isNull());
        Condition inListOrder = database == DatabaseKind.SQLITE
                ? notThroughAnIndex(imdb).isNull().and(notThroughAnIndex(kinopoisk).isNull()) : unknown;
        return new Reading(unknown, inListOrder, DSL.select(id).from(indexedBy(titles, byImdbRating)).where(unknown),
                entries(titles, byImdbRating, imdb.isNull()));
    }

    /** NULL when nothing is locked (LockedColumn); the partial index of V9 holds the rest. */
    private static Reading locked(Table<?> titles, Field<Long> id, Field<String> lockedFields, Index ofLocked) {
        Condition locked = lockedFields.isNotNull();
        return askedAlike(locked, DSL.select(id).from(indexedBy(titles, ofLocked)).where(locked),
                entries(titles, ofLocked, locked));
    }

    /** The entries of an index that a condition selects, up to {@link #FEW}. */
    private static Select<?> entries(Table<?> table, Index index, Condition condition) {
        return DSL.selectOne().from(indexedBy(table, index)).where(condition).limit(DSL.inline(FEW));
    }

    /** The inactive sources of one kind of title: what V14's partial index on that owner column holds. */
    private static Condition inactive(Field<Long> owner) {
        return SOURCE.IS_ACTIVE.eq(DSL.inline(false)).and(owner.isNotNull());
    }

    /**
     * A page's condition: every filter's, in a fixed order so one set of filters always renders one statement;
     * {@code fromIndex} (or {@code null}) read as the ids of the titles it matches.
     */
    Condition onPage(Set<TitleFilter> filters, TitleFilter fromIndex) {
        return condition(filters, fromIndex, true);
    }

    /** {@link #onPage}'s condition for a count, free to read any index. */
    private Condition counted(Set<TitleFilter> filters, TitleFilter fromIndex) {
        return condition(filters, fromIndex, false);
    }

    private Condition condition(Set<TitleFilter> filters, TitleFilter fromIndex, boolean inListOrder) {
        if (fromIndex != null && database != DatabaseKind.SQLITE) {
            throw new IllegalArgumentException("only SQLite reads a filter from its index (INDEXED BY): " + fromIndex);
        }
        return DSL.and(inOrder(filters).stream().map(filter -> {
            Reading reading = readings.apply(filter);
            return filter == fromIndex ? id.in(reading.matchingIds())
                    : inListOrder ? reading.matchesInListOrder() : reading.matches();
        }).toList());
    }

    /**
     * A filtered list's total statement: its count (up to the cap, by {@code count} of the condition given), and the
     * ordinal + 1 of the filter the page reads from its index, 0 for none. On SQLite: of the filters whose index holds
     * fewer than {@link #FEW} entries, the one with the fewest (the first in their fixed order on a tie), and the count
     * reads it the same way (a CASE runs only the branch it takes); each index is counted once, in a one-row derived
     * table. Elsewhere: none.
     */
    Select<?> total(Set<TitleFilter> filters, Function<Condition, Select<Record1<Long>>> count) {
        Field<Long> eachTitle = DSL.field(count.apply(counted(filters, null)));
        if (database != DatabaseKind.SQLITE) {
            return DSL.select(eachTitle, DSL.inline(0));
        }
        List<TitleFilter> ordered = inOrder(filters);
        List<Field<?>> entryCounts = new ArrayList<>();
        for (TitleFilter filter : ordered) {
            entryCounts.add(DSL.field(DSL.selectCount().from(readings.apply(filter).entries().asTable("entries")))
                    .as(entriesColumn(filter)));
        }
        Table<?> filterEntries = DSL.select(entryCounts).asTable("filter_entries");
        CaseConditionStep<Long> total = null;
        CaseConditionStep<Integer> fromIndex = null;
        for (TitleFilter filter : ordered) {
            Condition readFromIndex = fewestEntries(filter, ordered, filterEntries);
            Field<Long> counted = DSL.field(count.apply(counted(filters, filter)));
            Field<Integer> ordinal = DSL.inline(filter.ordinal() + 1);
            total = total == null ? DSL.when(readFromIndex, counted) : total.when(readFromIndex, counted);
            fromIndex = fromIndex == null ? DSL.when(readFromIndex, ordinal) : fromIndex.when(readFromIndex, ordinal);
        }
        return DSL.select(total.otherwise(eachTitle), fromIndex.otherwise(DSL.inline(0))).from(filterEntries);
    }

    /** Whether this filter's index holds fewer than {@link #FEW} entries, and the fewest of the filters given. */
    private static Condition fewestEntries(TitleFilter filter, List<TitleFilter> ordered, Table<?> filterEntries) {
        Field<Integer> mine = filterEntries.field(entriesColumn(filter), Integer.class);
        List<Condition> fewest = new ArrayList<>(List.of(mine.lt(DSL.inline(FEW))));
        for (TitleFilter other : ordered) {
            Field<Integer> theirs = filterEntries.field(entriesColumn(other), Integer.class);
            if (other.ordinal() < filter.ordinal()) {
                fewest.add(mine.lt(theirs));
            } else if (other.ordinal() > filter.ordinal()) {
                fewest.add(mine.le(theirs));
            }
        }
        return DSL.and(fewest);
    }

    private static String entriesColumn(TitleFilter filter) {
        return "entries_" + filter.ordinal();
    }

    /**
     * The filter a {@link #total} statement's second column names, or {@code null}. Ordinals are safe here: the
     * statement is rendered by this build and lives only in memory.
     */
    static TitleFilter fromIndex(int column) {
        return column == 0 ? null : TitleFilter.values()[column - 1];
    }

    private static List<TitleFilter> inOrder(Set<TitleFilter> filters) {
        return EnumSet.allOf(TitleFilter.class).stream().filter(filters::contains).toList();
    }
}
