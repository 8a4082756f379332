package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.TitleFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * Pages of shows or movies — the titles' own rows, without their children — in one of their sorts, optionally
 * searched by title, paged by keyset (see {@link Keyset}): a page is one query for its rows and one for the
 * list's total.
 *
 * <p>A page's query differs between requests only in its shape — sort field and direction, which side of a
 * cursor, whether the cursor's sort value is known, how the title is searched — and in its values. Each
 * shape is rendered once ({@link RenderedSelect}) and then only bound, so a page costs no SQL building.
 *
 * @param <T> the domain record a row is read into
 */
final class TitlePages<T> {

    /** Where a page starts: at the list's start, or beyond a cursor whose sort value is known or unknown. */
    private enum Start { FIRST, BEYOND_VALUE, BEYOND_UNKNOWN }

    /** How the title is searched; see {@link #search}. */
    private enum Search { NONE, FOLDED, LITERAL }

    /** How a request's {@code q} is searched, and the {@code LIKE} pattern bound for it. */
    private record SearchTerm(Search kind, String pattern) {

        static SearchTerm of(String q) {
            if (q == null) {
                return new SearchTerm(Search.NONE, null);
            }
            String normalised = FeedKey.normaliseTitle(q);
            return normalised.isEmpty() ? new SearchTerm(Search.LITERAL, Keyset.containsPattern(q))
                    : new SearchTerm(Search.FOLDED, Keyset.containsPattern(normalised));
        }
    }

    private record Shape(SortField field, boolean descending, boolean nullsFirst, Start start, Search search,
                         Set<TitleFilter> filters) {
    }

    /** The parameters of a page's statement, in the order {@link #page} gives their values. */
    private static final List<String> PAGE_PARAMETERS = List.of("q", "sort", "after", "limit");

    /**
     * A sortable column: how its values are written into and read back from a cursor.
     * {@code field} is {@code null} for the id order.
     */
    private record SortColumn<V>(Field<V> field, Function<String, V> parse) {

        static final SortColumn<Long> ID = new SortColumn<>(null, null);

        /** The cursor's sort value as a bind value. */
        V parseCursor(Cursor cursor) {
            try {
                return parse.apply(cursor.sortValue());
            } catch (RuntimeException e) {
                throw Keyset.malformedCursor();
            }
        }
    }

    private final DSLContext dsl;
    private final ReadStatements statements;
    private final ResultSetRows rows;
    private final Table<?> table;
    private final Field<Long> id;
    private final Field<String> title;
    private final Field<String> titleSearch;
    private final List<Field<?>> columns;
    private final Function<SortField, SortColumn<?>> sortColumns;
    private final RowReader<T> reader;
    private final Map<Shape, RenderedSelect> pages = new ConcurrentHashMap<>();
    private final Map<Total, RenderedSelect> totals = new ConcurrentHashMap<>();
    private final Function<TitleFilter, Condition> filterConditions;

    /** A total's statement differs by how the title is searched and which filters apply. */
    private record Total(Search search, Set<TitleFilter> filters) {
    }

    private TitlePages(DSLContext dsl, ReadStatements statements, ResultSetRows rows, Table<?> table, Field<Long> id,
                       Field<String> title, Field<String> titleSearch, List<Field<?>> columns,
                       Function<SortField, SortColumn<?>> sortColumns, RowReader<T> reader,
                       Function<TitleFilter, Condition> filterConditions) {
        this.dsl = dsl;
        this.statements = statements;
        this.rows = rows;
        this.table = table;
        this.id = id;
        this.title = title;
        this.titleSearch = titleSearch;
        this.columns = columns;
        this.sortColumns = sortColumns;
        this.reader = reader;
        this.filterConditions = filterConditions;
    }

    static TitlePages<Show> shows(DSLContext dsl, ReadStatements statements,
                                                            ResultSetRows rows) {
        return new TitlePages<>(dsl, statements, rows, SHOW, SHOW.ID, SHOW.TITLE, SHOW.TITLE_SEARCH,
                ResultSetRows.SHOW_COLUMNS, field -> switch (field) {
                    case ID -> SortColumn.ID;
                    case TITLE -> new SortColumn<>(SHOW.TITLE_SEARCH, s -> s);
                    case RELEASE_DATE -> new SortColumn<>(SHOW.RELEASE_DATE, LocalDate::parse);
                    case IMDB_RATING -> new SortColumn<>(SHOW.IMDB_RATING, Double::valueOf);
                    case KINOPOISK_RATING -> new SortColumn<>(SHOW.KINOPOISK_RATING, Double::valueOf);
                    case RELEASE_YEAR -> throw new IllegalArgumentException("shows cannot be sorted by release_year");
                }, rs -> rows.show(rs, 1), filter -> switch (filter) {
                    // Through the unique (show, number), (season, number) and (episode, url) indexes.
                    case INACTIVE_SOURCES -> DSL.exists(DSL.selectOne().from(SEASON)
                            .join(EPISODE).on(EPISODE.SEASON_ID.eq(SEASON.ID))
                            .join(SOURCE).on(SOURCE.EPISODE_ID.eq(EPISODE.ID))
                            .where(SEASON.SHOW_ID.eq(SHOW.ID)).and(SOURCE.IS_ACTIVE.eq(DSL.inline(false))));
                    case RATING_UNKNOWN -> SHOW.IMDB_RATING.isNull().and(SHOW.KINOPOISK_RATING.isNull());
                    // NULL when nothing is locked (LockedColumn); the partial index ix_show_locked (V9) holds the rest.
                    case LOCKED_FIELDS -> SHOW.LOCKED_FIELDS.isNotNull();
                });
    }

    static TitlePages<Movie> movies(DSLContext dsl, ReadStatements statements,
                                                              ResultSetRows rows) {
        return new TitlePages<>(dsl, statements, rows, MOVIE, MOVIE.ID, MOVIE.TITLE, MOVIE.TITLE_SEARCH,
                ResultSetRows.MOVIE_COLUMNS, field -> switch (field) {
                    case ID -> SortColumn.ID;
                    case TITLE -> new SortColumn<>(MOVIE.TITLE_SEARCH, s -> s);
                    case RELEASE_DATE -> new SortColumn<>(MOVIE.RELEASE_DATE, LocalDate::parse);
                    case RELEASE_YEAR -> new SortColumn<>(MOVIE.RELEASE_YEAR, Integer::valueOf);
                    case IMDB_RATING -> new SortColumn<>(MOVIE.IMDB_RATING, Double::valueOf);
                    case KINOPOISK_RATING -> new SortColumn<>(MOVIE.KINOPOISK_RATING, Double::valueOf);
                }, rs -> rows.movie(rs, 1), filter -> switch (filter) {
                    // Through the unique (movie, url) index.
                    case INACTIVE_SOURCES -> DSL.exists(DSL.selectOne().from(SOURCE)
                            .where(SOURCE.MOVIE_ID.eq(MOVIE.ID)).and(SOURCE.IS_ACTIVE.eq(DSL.inline(false))));
                    case RATING_UNKNOWN -> MOVIE.IMDB_RATING.isNull().and(MOVIE.KINOPOISK_RATING.isNull());
                    // NULL when nothing is locked (LockedColumn); the partial index ix_movie_locked (V9) holds the rest.
                    case LOCKED_FIELDS -> MOVIE.LOCKED_FIELDS.isNotNull();
                });
    }

    /** A page's row: the item, and where it sits in the list's order. */
    private record Fetched<T>(T item, Keyset.Boundary boundary) {
    }

    /** The page a query asks for, and the total of its list. */
    Page<T> page(ListQuery query) {
        return page(query, Set.of());
    }

    /** The page a query asks for among the rows matching every filter, and the total of that list. */
    Page<T> page(ListQuery query, Set<TitleFilter> filterSet) {
        Set<TitleFilter> filters = filterSet.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(filterSet));
        PageRequest request = query.page();
        boolean backwards = Keyset.backwards(request);
        SortColumn<?> sortColumn = sortColumns.apply(query.sort().field());
        Cursor cursor = request.cursor();
        Start start = cursor == null ? Start.FIRST
                : sortColumn.field() != null && cursor.sortValue() != null ? Start.BEYOND_VALUE : Start.BEYOND_UNKNOWN;
        SearchTerm search = SearchTerm.of(query.titleContains());
        String pattern = search.pattern();
        // Reading backwards walks the reversed order: the other direction, unknown values first.
        Shape shape = new Shape(query.sort().field(), query.sort().descending() != backwards, backwards, start,
                search.kind(), filters);
        RenderedSelect statement = pages.computeIfAbsent(shape, this::pageStatement);
        int idAt = columns.indexOf(id) + 1;
        int sortAt = columns.size() + 1;
        List<Fetched<T>> fetched = statement.query(rs -> {
            List<Fetched<T>> all = new ArrayList<>();
            while (rs.next()) {
                all.add(new Fetched<>(reader.read(rs),
                        new Keyset.Boundary(sortText(sortColumn, rs, sortAt), rs.getLong(idAt))));
            }
            return all;
        }, pattern, start == Start.BEYOND_VALUE ? sortColumn.parseCursor(cursor) : null,
                cursor == null ? null : cursor.id(), request.limit() + 1);
        long total = totals.computeIfAbsent(new Total(search.kind(), filters), this::totalStatement).query(rs -> {
            rs.next();
            return rs.getLong(1);
        }, pattern);
        return Keyset.page(fetched, request, query.sort().wireName(), Fetched::boundary, total).map(Fetched::item);
    }

    /** A row's sort value as a cursor writes it. */
    private String sortText(SortColumn<?> sortColumn, ResultSet rs, int at) throws SQLException {
        if (sortColumn.field() == null) {
            return null;
        }
        Object value = rows.value(rs, at, sortColumn.field().getType());
        return value == null ? null : value.toString();
    }

    private RenderedSelect pageStatement(Shape shape) {
        SortColumn<?> sortColumn = sortColumns.apply(shape.field());
        List<Field<?>> selected = new ArrayList<>(columns);
        if (sortColumn.field() != null) {
            selected.add(sortColumn.field());
        }
        return new RenderedSelect(dsl, statements, () -> DSL.select(selected).from(table)
                .where(search(shape.search()))
                .and(filters(shape.filters()))
                .and(keyset(sortColumn, shape))
                .orderBy(Keyset.orderBy(sortColumn.field(), id, shape.descending(), shape.nullsFirst()))
                .limit(RenderedSelect.parameter("limit", SQLDataType.INTEGER)), PAGE_PARAMETERS);
    }

    private <V> Condition keyset(SortColumn<V> sortColumn, Shape shape) {
        Field<V> column = sortColumn.field();
        return switch (shape.start()) {
            case FIRST -> DSL.noCondition();
            case BEYOND_VALUE -> Keyset.beyond(column, RenderedSelect.parameter("sort", column.getDataType()), id,
                    RenderedSelect.id("after"), shape.descending(), shape.nullsFirst());
            case BEYOND_UNKNOWN -> Keyset.beyond(column, (Field<V>) null, id, RenderedSelect.id("after"),
                    shape.descending(), shape.nullsFirst());
        };
    }

    private RenderedSelect totalStatement(Total total) {
        return new RenderedSelect(dsl, statements, () -> DSL.selectCount().from(table).where(search(total.search()))
                .and(filters(total.filters())), List.of("q"));
    }

    /** Every filter's condition, in a fixed order so one set of filters always renders one statement. */
    private Condition filters(Set<TitleFilter> filters) {
        return DSL.and(EnumSet.allOf(TitleFilter.class).stream().filter(filters::contains).map(filterConditions).toList());
    }

    /**
     * Title search: the query is normalised like the stored {@code title_search} (case, accents and
     * punctuation folded) and matched as a literal substring. A query made only of punctuation ("%", "_")
     * normalises to nothing; it is then matched literally against the title itself.
     */
    private Condition search(Search search) {
        Param<String> pattern = RenderedSelect.parameter("q", SQLDataType.VARCHAR);
        return switch (search) {
            case NONE -> DSL.noCondition();
            case FOLDED -> Keyset.contains(titleSearch, pattern);
            case LITERAL -> Keyset.contains(title, pattern);
        };
    }
}
