package io.freecast.catalog.jdbc.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A deep page of a nullable sort starts at its place in the index": in every order by a column that may be
 * unknown (release date and year, both ratings; both directions) the statements of a first page, of a page
 * beyond a known value deep in the list, of the page where the known values end, of a page among the
 * unknown ones and of the pages read backwards from each are explained by the database, and none walks the
 * movie table or one of its indexes from its start: every read of {@code movie} is a range of an index or a
 * lookup by key; and a first page by title, in either direction, never sorts the table. (The paging contract, {@code keysetPagingVisitsEveryMovieOnceInEverySortBothWays}, proves
 * the same pages hold every movie once, in order, unknown values last.)
 */
abstract class NullableSortPlanContract {

    /** Rows enough that a planner weighing costs prefers an index to reading a few pages. */
    static final int MOVIES = 4_000;

    private static final List<SortField> NULLABLE = List.of(SortField.RELEASE_DATE, SortField.RELEASE_YEAR,
            SortField.IMDB_RATING, SortField.KINOPOISK_RATING);

    @TempDir
    Path dir;

    abstract TestDatabase database(Path dir);

    /** The plan of one statement as the database explains it, one line per step. */
    abstract List<String> explain(Connection connection, String sql) throws SQLException;

    /** Whether a step of a plan reads the whole {@code movie} table or walks one of its indexes from an end. */
    abstract boolean walksMovies(String step);

    /** Whether a step of a plan reads the whole {@code movie} table or sorts rows (a whole table's, here). */
    abstract boolean sortsMovies(String step);

    /** Refreshes the planner's statistics, where the database keeps any. */
    void analyse(TestDatabase db) throws SQLException {
    }

    @Test
    void everyPageOfANullableSortReadsRangesOfAnIndex() throws SQLException {
        try (TestDatabase db = database(dir)) {
            List<String> statements = new CopyOnWriteArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            List<MovieDraft> drafts = IntStream.range(0, MOVIES).mapToObj(NullableSortPlanContract::movie).toList();
            for (int from = 0; from < MOVIES; from += 1_000) {
                store.ports().movies().upsertAll(drafts.subList(from, from + 1_000));
            }
            analyse(db);

            statements.clear();
            for (SortField field : NULLABLE) {
                for (boolean descending : List.of(false, true)) {
                    readEveryKindOfPage(store, new Sort(field, descending));
                }
            }
            Set<String> pages = new LinkedHashSet<>(statements.stream()
                    .filter(sql -> sql.toLowerCase(Locale.ROOT).contains("order by"))
                    .filter(sql -> sql.contains("movie"))
                    .filter(sql -> !sql.contains("source"))
                    .toList());
            // Per sort and direction: the first page, beyond a known value, across the known values' end, among
            // the unknown ones, and backwards from a known and from an unknown value: distinct statements.
            assertThat(pages).as("page statements of the nullable sorts").hasSizeGreaterThanOrEqualTo(NULLABLE.size() * 2 * 4);

            List<String> walks = new ArrayList<>();
            try (Connection connection = db.connect()) {
                for (String sql : pages) {
                    for (String step : explain(connection, sql)) {
                        if (walksMovies(step)) {
                            walks.add(step + "   <-   " + sql);
                        }
                    }
                }
            }
            assertThat(walks).as("steps that walk the movie table or an index of it from an end").isEmpty();

            // The title orders (never unknown), both directions: a first page walks the title index from its
            // end and stops at the page's length; it never sorts the table.
            statements.clear();
            for (boolean descending : List.of(false, true)) {
                page(store, new Sort(SortField.TITLE, descending), PageRequest.first(20));
            }
            List<String> sorts = new ArrayList<>();
            try (Connection connection = db.connect()) {
                for (String sql : statements.stream().filter(sql -> sql.contains("order by") && !sql.contains("source")).toList()) {
                    for (String step : explain(connection, sql)) {
                        if (sortsMovies(step)) {
                            sorts.add(step + "   <-   " + sql);
                        }
                    }
                }
            }
            assertThat(sorts).as("steps that read or sort the whole movie table for a first page by title").isEmpty();
        }
    }

    /** Ratings and dates unknown for one movie in four, ties on every value. */
    private static MovieDraft movie(int i) {
        boolean unknown = i % 4 == 0;
        LocalDate released = unknown ? null : LocalDate.of(1950 + i % 70, 1 + i % 12, 1);
        Double rating = unknown ? null : 1.0 + (i % 90) / 10.0;
        return new MovieDraft(FeedKey.of("m" + i, null, "Movie " + i), "m" + i, null, "Movie " + i, null, null, released,
                released == null ? null : released.getYear(), Rating.ofNullable(rating),
                Rating.ofNullable(rating == null ? null : 10 - rating), List.of());
    }

    /** Reads the pages whose statements the test explains, through their own cursors. */
    private static void readEveryKindOfPage(JdbcCatalogStore store, Sort sort) {
        Page<MovieTree> first = page(store, sort, PageRequest.first(20));
        assertThat(first.items()).as(sort.wireName()).hasSize(20);
        MovieTree middle = first.items().getLast();
        // Beyond a known value, and back from there.
        Page<MovieTree> deep = page(store, sort, new PageRequest(20, at(sort, middle, Cursor.Direction.AFTER)));
        assertThat(deep.items()).as(sort.wireName()).hasSize(20);
        page(store, sort, new PageRequest(20, deep.previous()));
        // The end of the known values: a page across it, and one among the unknown ones.
        List<MovieTree> known = knownTail(store, sort);
        Page<MovieTree> across = page(store, sort, new PageRequest(20, at(sort, known.getLast(), Cursor.Direction.AFTER)));
        assertThat(across.items()).as(sort.wireName()).isNotEmpty();
        Page<MovieTree> unknown = page(store, sort, new PageRequest(20, across.next()));
        assertThat(unknown.items()).as(sort.wireName() + " after " + across.next()).isNotEmpty();
        page(store, sort, new PageRequest(20, unknown.previous()));
    }

    /** The last known values of the order, found by reading the list the other way round (its first page). */
    private static List<MovieTree> knownTail(JdbcCatalogStore store, Sort sort) {
        Page<MovieTree> reversed = page(store, new Sort(sort.field(), !sort.descending()), PageRequest.first(25));
        return reversed.items().reversed();
    }

    private static Cursor at(Sort sort, MovieTree movie, Cursor.Direction direction) {
        Object value = switch (sort.field()) {
            case RELEASE_DATE -> movie.movie().releaseDate();
            case RELEASE_YEAR -> movie.movie().releaseYear();
            case IMDB_RATING -> movie.movie().imdbRating() == null ? null : movie.movie().imdbRating().value();
            case KINOPOISK_RATING -> movie.movie().kinopoiskRating() == null ? null : movie.movie().kinopoiskRating().value();
            default -> throw new IllegalArgumentException(sort.wireName());
        };
        return new Cursor(sort.wireName(), direction, value == null ? null : value.toString(), movie.movie().id());
    }

    private static Page<MovieTree> page(JdbcCatalogStore store, Sort sort, PageRequest request) {
        return store.ports().queries().listMovies(new ListQuery(sort, null, request));
    }
}
