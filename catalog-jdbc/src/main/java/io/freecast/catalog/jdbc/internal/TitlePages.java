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
import org.jooq.OrderField;
import org.jooq.Param;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectLimitStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.TITLE_COUNT;

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

    /**
     * How the title is searched; see {@link #search}. INDEXED is a normalised search text of at least
     * {@value #TRIGRAM} characters, answered through the trigram index; FOLDED a shorter one, which no
     * trigram can find, answered by walking the list's order with {@code LIKE} — as is, on SQLite, an INDEXED
     * search in another order than the id's that matches so many titles that the walk is cheaper (see
     * {@link #dense}). INDEXED_IN_ID_ORDER is, on SQLite, an INDEXED search of a page in id order without
     * filters: FTS5 hands out its matches in row id order, so the index reads only the page's first rows
     * beyond the cursor and stops, however many titles match. RAREST_TRIGRAMS is an INDEXED search whose
     * trigrams are all common but which is cheaper to find through the titles holding its two rarest trigrams,
     * each then checked for the whole text (see {@link TitleTrigrams}); RAREST_TRIGRAMS_IN_ID_ORDER its page in
     * id order on SQLite. SHORT_INDEXED is a FOLDED search of the whole list read through an index when it matches
     * too few titles for the walk to be cheap (a rare or absent short text would make the walk read the whole list):
     * on SQLite the trigram index's terms that begin with its text (see {@link #termsBeginningWith}), on PostgreSQL
     * the index of each title's characters and pairs of characters (see {@link #holdsShortText}).
     */
    private enum Search { NONE, INDEXED, INDEXED_IN_ID_ORDER, RAREST_TRIGRAMS, RAREST_TRIGRAMS_IN_ID_ORDER, FOLDED,
        SHORT_INDEXED, LITERAL }

    /** A trigram index finds only texts at least this long (in code points). */
    private static final int TRIGRAM = 3;

    /**
     * How a request's {@code q} is searched, and the value bound for it: a {@code LIKE} pattern, or on
     * SQLite for INDEXED an FTS5 phrase (the normalised text in double quotes, so no character of it is
     * query syntax: {@code "}, the only one that could be, is doubled); {@code like} is the {@code LIKE}
     * pattern of the same search, {@code text} the normalised text itself (what a title found through its
     * rarest trigrams is checked for).
     */
    private record SearchTerm(Search kind, String pattern, String like, String text, String second) {

        static SearchTerm of(String q, DatabaseKind database) {
            if (q == null) {
                return new SearchTerm(Search.NONE, null, null, null, null);
            }
            String normalised = FeedKey.normaliseTitle(q);
            if (normalised.isEmpty()) {
                String like = Keyset.containsPattern(q);
                return new SearchTerm(Search.LITERAL, like, like, q, null);
            }
            String like = Keyset.containsPattern(normalised);
            if (normalised.codePointCount(0, normalised.length()) < TRIGRAM) {
                return new SearchTerm(Search.FOLDED, like, like, normalised, null);
            }
            return new SearchTerm(Search.INDEXED, database == DatabaseKind.SQLITE
                    ? "\"" + normalised.replace("\"", "\"\"") + "\"" : like, like, normalised, null);
        }

        /**
         * SQLite: a FOLDED search (1 or 2 characters) read through the index's terms that begin with its text,
         * bound as a range of terms: from the text ({@code pattern}) to the first string past every string
         * beginning with it ({@code second}). Itself when there is none (its last character is the last of
         * Unicode's).
         */
        SearchTerm throughTermsBeginningWithIt() {
            int last = text.codePointBefore(text.length());
            if (last == Character.MAX_CODE_POINT) {
                return this;
            }
            int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
            String past = text.substring(0, text.length() - Character.charCount(last)) + Character.toString(next);
            return new SearchTerm(Search.SHORT_INDEXED, text, like, text, past);
        }

        /** PostgreSQL: a FOLDED search (1 or 2 characters) read through the titles' short texts, bound as itself. */
        SearchTerm throughShortTexts() {
            return new SearchTerm(Search.SHORT_INDEXED, text, like, text, null);
        }

        /** The same search read through the titles holding two of its trigrams ({@code pair}, an FTS5 query). */
        SearchTerm throughRarestTrigrams(String pair) {
            return new SearchTerm(Search.RAREST_TRIGRAMS, pair, like, text, null);
        }

        /**
         * PostgreSQL: the same search read through the titles holding two of its trigrams, each asked for by a
         * {@code LIKE} pattern of that trigram alone ({@code %abc%}, {@code %xyz%}), from which {@code pg_trgm}
         * extracts that one trigram: the GIN scan reads those two posting lists instead of every one of the text.
         */
        SearchTerm throughTrigramPatterns(String first, String secondTrigram) {
            return new SearchTerm(Search.RAREST_TRIGRAMS, Keyset.containsPattern(first), like, text,
                    Keyset.containsPattern(secondTrigram));
        }
    }

    /** What a page's total statement answers: the total to send, the change counter, the whole list's size. */
    private record Tally(long total, long changes, long listSize) {
    }

    /**
     * SQLite: whether a search matches so many of the list's rows that walking the list's order and testing
     * each title ({@code LIKE}, stopping at the page's end: about {@code pageRows × listSize / matches} rows)
     * costs less than reading every match through the trigram index and sorting them (about {@code matches}
     * rows). A common word ("harbor" in one title of eight) is then read like a list page; a rare one through
     * the index. (PostgreSQL's planner makes this choice itself, from its statistics.)
     */
    private static boolean dense(long matches, long listSize, int pageRows) {
        // More matches than the count's cap: reading them all would cost more than the cap, the walk at most
        // pageRows × listSize / cap rows.
        return matches == Page.UNCOUNTED || (double) matches * matches > (double) pageRows * listSize;
    }


    /** @param fromIndex the filter read from its own index ({@link TitleFilters}), or {@code null} */
    private record Shape(SortField field, boolean descending, boolean nullsFirst, Start start, Search search,
                         Set<TitleFilter> filters, TitleFilter fromIndex) {
    }

    /** A filtered list's total, and the filter its page reads from that filter's own index ({@code null}: none). */
    private record FilteredTotal(long total, TitleFilter fromIndex) {
    }

    /** The parameters of a page's statement, in the order {@link #page} gives their values. */
    private static final List<String> PAGE_PARAMETERS = List.of("q", "sort", "after", "limit", "text", "second");

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
    /** The totals of the latest searches, for first pages (which carry none). */
    private final RecentSearchTotals recentTotals = new RecentSearchTotals(RecentSearchTotals.CAPACITY);
    private final TitleFilters titleFilters;
    private final DatabaseKind database;
    /** This list's row of {@code title_count}, its SQLite trigram index, and that index's terms (V15). */
    private final String kind;
    private final Table<?> titleIndex;
    private final Table<?> titleTerms;
    /** SQLite: how common the list's trigrams are, to choose how an INDEXED search reads the index. */
    private final TitleTrigrams trigrams;

    /** A total's statement differs by how the title is searched and which filters apply. */
    private record Total(Search search, Set<TitleFilter> filters) {
    }

    private TitlePages(DSLContext dsl, ReadStatements statements, ResultSetRows rows, Table<?> table, Field<Long> id,
                       Field<String> title, Field<String> titleSearch, List<Field<?>> columns,
                       Function<SortField, SortColumn<?>> sortColumns, RowReader<T> reader,
                       TitleFilters titleFilters, String kind) {
        this.dsl = dsl;
        this.database = DatabaseKind.of(dsl);
        this.kind = kind;
        this.titleIndex = DSL.table(DSL.name("title_index_" + kind));
        this.titleTerms = DSL.table(DSL.name("title_terms_" + kind));
        this.trigrams = new TitleTrigrams(dsl, kind, TitleTrigrams.LARGE_LIST);
        this.statements = statements;
        this.rows = rows;
        this.table = table;
        this.id = id;
        this.title = title;
        this.titleSearch = titleSearch;
        this.columns = columns;
        this.sortColumns = sortColumns;
        this.reader = reader;
        this.titleFilters = titleFilters;
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
                }, rs -> rows.show(rs, 1), TitleFilters.shows(DatabaseKind.of(dsl)), "show");
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
                }, rs -> rows.movie(rs, 1), TitleFilters.movies(DatabaseKind.of(dsl)), "movie");
    }

    /**
     * A search's total as a cursor carries it to the next pages: the count, the value of the list's change
     * counter when it was taken, and which search it counted. A memo that does not parse, or names another
     * search, is no memo (the total is counted again): a client may alter a cursor.
     */
    private record CarriedTotal(long total, long changes, String searched) {

        private static final CarriedTotal NONE = new CarriedTotal(0, -1, null);

        String memo() {
            return "t" + total + "." + changes + "." + Integer.toHexString(searched.hashCode());
        }

        /** A total remembered for the search ({@link RecentSearchTotals}); none when there is none. */
        static CarriedTotal of(RecentSearchTotals.Counted counted, String searched) {
            return counted == null ? NONE : new CarriedTotal(counted.total(), counted.changes(), searched);
        }

        static CarriedTotal read(Cursor cursor, String searched) {
            String memo = cursor == null ? null : cursor.memo();
            if (memo == null || !memo.startsWith("t")) {
                return NONE;
            }
            String[] parts = memo.substring(1).split("\\.", -1);
            try {
                CarriedTotal carried = new CarriedTotal(Long.parseLong(parts[0]), Long.parseLong(parts[1]), searched);
                return parts.length == 3 && carried.total() >= Page.UNCOUNTED && carried.changes() >= 0
                        && parts[2].equals(Integer.toHexString(searched.hashCode())) ? carried : NONE;
            } catch (RuntimeException e) {
                return NONE;
            }
        }
    }

    /**
     * Runs a page's total statement: the carried total, else {@code known} (the page's own count of matches when
     * it holds them all; -1 when not), else a count stopping one beyond the cap.
     */
    private Tally tally(RenderedSelect totalStatement, boolean searching, String pattern, CarriedTotal carried,
                        String text, String second, long known) {
        Tally tally = totalStatement.query(rs -> {
            rs.next();
            long total = rs.getLong(1);
            // The count stopped one beyond the cap: not an exact total (a carried UNCOUNTED stays one).
            return new Tally(searching ? CappedCount.total(total) : total,
                    rs.getLong(2), rs.getLong(3));
        }, pattern, carried.changes(), carried.total(), text, second, known);
        trigrams.observe(tally.listSize(), tally.changes());
        return tally;
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
        SearchTerm search = SearchTerm.of(query.titleContains(), database);
        // What a carried total belongs to: the search, not how it is read (which may change between pages).
        String searched = kind + "\n" + search.kind() + "\n" + search.pattern();
        if (search.kind() == Search.FOLDED && filters.isEmpty()) {
            // Counted through an index, which stops at the cap for a common text and reads only its own titles for
            // a rare one; the count then decides between those titles and the walk (below).
            search = database == DatabaseKind.SQLITE ? search.throughTermsBeginningWithIt() : search.throughShortTexts();
        } else if (search.kind() == Search.INDEXED && database == DatabaseKind.SQLITE) {
            String pair = trigrams.rarestPair(search.text());
            if (pair != null) {
                search = search.throughRarestTrigrams(pair);
            }
        } else if (search.kind() == Search.INDEXED) {
            List<String> pair = trigrams.rarestTrigrams(search.text(), TitleTrigrams.PG_TRGM_WORD);
            if (pair != null) {
                search = search.throughTrigramPatterns(pair.get(0), pair.get(1));
            }
        }
        String pattern = search.pattern();
        String text = search.text();
        String second = search.second();
        RenderedSelect totalStatement = totals.computeIfAbsent(new Total(search.kind(), filters), this::totalStatement);
        // Without filters, on SQLite, the total comes first: for a search, how many rows match decides how to read
        // them. On PostgreSQL it comes after the page (see below).
        Tally tally = null;
        Search how = search.kind();
        CarriedTotal carried = CarriedTotal.read(cursor, searched);
        if (carried == CarriedTotal.NONE && filters.isEmpty() && search.kind() != Search.NONE) {
            carried = CarriedTotal.of(recentTotals.get(searched), searched);
        }
        if (filters.isEmpty() && (database == DatabaseKind.SQLITE || how == Search.SHORT_INDEXED)) {
            tally = tally(totalStatement, how != Search.NONE, pattern, carried, text, second, -1);
            if (how == Search.INDEXED || how == Search.RAREST_TRIGRAMS) {
                if (sortColumn == SortColumn.ID) {
                    how = how == Search.INDEXED ? Search.INDEXED_IN_ID_ORDER : Search.RAREST_TRIGRAMS_IN_ID_ORDER;
                } else if (dense(tally.total(), tally.listSize(), request.limit() + 1)) {
                    how = Search.FOLDED;
                    pattern = search.like();
                }
            } else if (how == Search.SHORT_INDEXED && dense(tally.total(), tally.listSize(), request.limit() + 1)) {
                // A common short text ("a": more matches than the cap) is found soonest by walking the list's order.
                how = Search.FOLDED;
                pattern = search.like();
            }
        }
        // A filtered list's total comes first: it tells whether a filter matches so few titles that the page reads them
        // from that filter's index (SQLite).
        FilteredTotal filtered = filters.isEmpty() ? null : filteredTotal(totalStatement, pattern, text, second);
        // Reading backwards walks the reversed order: the other direction, unknown values first.
        Shape shape = new Shape(query.sort().field(), query.sort().descending() != backwards, backwards, start,
                how, filters, filtered == null ? null : filtered.fromIndex());
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
                cursor == null ? null : cursor.id(), request.limit() + 1, text, second);
        if (filters.isEmpty() && tally == null) {
            // PostgreSQL: a search's first page that is not full holds every match, so its length is the total, and
            // the count is not run (the statement still is, for the change counter and the list's size: every
            // page costs the same statements). "zebra" and a rare word then read the trigram index once, not twice.
            long known = search.kind() != Search.NONE && cursor == null && fetched.size() <= request.limit()
                    ? fetched.size() : -1;
            tally = tally(totalStatement, search.kind() != Search.NONE, pattern, carried, text, second, known);
        }
        if (filtered != null) {
            return Keyset.page(fetched, request, query.sort().wireName(), Fetched::boundary, filtered.total())
                    .map(Fetched::item);
        }
        Page<Fetched<T>> page = Keyset.page(fetched, request, query.sort().wireName(), Fetched::boundary, tally.total());
        if (search.kind() != Search.NONE) {
            recentTotals.remember(searched, tally.total(), tally.changes());
            String memo = new CarriedTotal(tally.total(), tally.changes(), searched).memo();
            page = new Page<>(page.items(), page.next() == null ? null : page.next().withMemo(memo),
                    page.previous() == null ? null : page.previous().withMemo(memo), page.total());
        }
        return page.map(Fetched::item);
    }

    /** Runs a filtered list's total statement: the count up to the cap, and the filter read from its index. */
    private static FilteredTotal filteredTotal(RenderedSelect totalStatement, String pattern, String text, String second) {
        return totalStatement.query(rs -> {
            rs.next();
            return new FilteredTotal(CappedCount.total(rs.getLong(1)), TitleFilters.fromIndex(rs.getInt(2)));
        }, pattern, 0L, 0L, text, second, -1L);
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
        if (sortColumn.field() != null && sortColumn.field() != titleSearch && shape.search() == Search.NONE) {
            return nullableSortPage(sortColumn, shape, selected);
        }
        if (shape.search() == Search.RAREST_TRIGRAMS_IN_ID_ORDER) {
            return firstCheckedMatchesInIdOrder(selected, shape);
        }
        return new RenderedSelect(dsl, statements, () -> DSL.select(selected).from(table)
                .where(shape.search() == Search.INDEXED_IN_ID_ORDER ? firstMatchesInIdOrder(shape) : search(shape.search()))
                .and(titleFilters.onPage(shape.filters(), shape.fromIndex()))
                .and(keyset(sortColumn, shape))
                .orderBy(sortColumn.field() == titleSearch ? titleOrder(shape.descending())
                        : Keyset.orderBy(sortColumn.field(), id, shape.descending(), shape.nullsFirst()))
                .limit(RenderedSelect.parameter("limit", SQLDataType.INTEGER)), PAGE_PARAMETERS);
    }

    /**
     * SQLite, a search's page in id order: the ids of the first {@code limit} matches beyond the cursor, which
     * FTS5 reads in row id order (either direction) from its index and stops at — never all the matches.
     */
    private Condition firstMatchesInIdOrder(Shape shape) {
        Field<Long> rowid = DSL.field(DSL.name("rowid"), Long.class);
        Condition beyond = shape.start() == Start.FIRST ? DSL.noCondition()
                : shape.descending() ? rowid.lt(RenderedSelect.id("after")) : rowid.gt(RenderedSelect.id("after"));
        return id.in(DSL.select(rowid).from(titleIndex).where(indexMatch()).and(beyond)
                .orderBy(shape.descending() ? rowid.desc() : rowid.asc())
                .limit(RenderedSelect.parameter("limit", SQLDataType.INTEGER)));
    }

    /**
     * SQLite, a page in id order of a search read through its rarest trigrams: the index's matches in row id
     * order beyond the cursor, each title by key and checked for the whole text, until the page is full. A join,
     * not {@code id IN (…)}: the page's {@code LIMIT} counts checked titles, and FTS5 still hands out its row ids
     * in order (the plan has no sort), so it stops at the page's end however many titles hold the pair.
     */
    private RenderedSelect firstCheckedMatchesInIdOrder(List<Field<?>> selected, Shape shape) {
        Field<Long> rowid = indexRowid();
        Condition beyond = shape.start() == Start.FIRST ? DSL.noCondition()
                : shape.descending() ? rowid.lt(RenderedSelect.id("after")) : rowid.gt(RenderedSelect.id("after"));
        return new RenderedSelect(dsl, statements, () -> DSL.select(selected).from(titleIndex)
                .join(table).on(id.eq(rowid))
                .where(indexMatch()).and(beyond).and(holdsText())
                .orderBy(shape.descending() ? rowid.desc() : rowid.asc())
                .limit(RenderedSelect.parameter("limit", SQLDataType.INTEGER)), PAGE_PARAMETERS);
    }

    /** SQLite: the trigram index's row id, qualified (a join with the list's table has its own). */
    private Field<Long> indexRowid() {
        return DSL.field(DSL.name(titleIndex.getName(), "rowid"), Long.class);
    }

    /**
     * The title holds the normalised search text: the check of a title found through some of the text's
     * trigrams. {@code instr}, an exact substring test like the FTS5 phrase it stands for (case-sensitive, no
     * pattern syntax), on the folded {@code title_search}.
     */
    private Condition holdsText() {
        return DSL.position(titleSearch, RenderedSelect.parameter("text", SQLDataType.VARCHAR)).gt(DSL.inline(0));
    }

    /**
     * By title, without NULLS FIRST / LAST: a title is never unknown, but PostgreSQL does not use that, and
     * "title_search DESC NULLS LAST" is not the order a backward walk of its (title_search, id) index gives
     * (DESC NULLS FIRST), so it sorted the whole table for every page of {@code sort=-title}.
     */
    private List<OrderField<?>> titleOrder(boolean descending) {
        return descending ? List.of(titleSearch.desc(), id.desc()) : List.of(titleSearch.asc(), id.asc());
    }

    /**
     * A page of the whole list (or of the operator's filtered lists) in a nullable column's order: up to three
     * ranges of the column's index, known values then unknown ones (see {@link NullableKeyset}), so a deep page
     * costs what page 1 costs. A search keeps the single condition below: its rows come through the title's indexes.
     */
    private <V> RenderedSelect nullableSortPage(SortColumn<V> sortColumn, Shape shape, List<Field<?>> selected) {
        NullableKeyset.Start start = switch (shape.start()) {
            case FIRST -> NullableKeyset.Start.FIRST;
            case BEYOND_VALUE -> NullableKeyset.Start.BEYOND_VALUE;
            case BEYOND_UNKNOWN -> NullableKeyset.Start.BEYOND_UNKNOWN;
        };
        Field<V> column = sortColumn.field();
        return new RenderedSelect(dsl, statements, () -> NullableKeyset.page(selected, table, id, column,
                titleFilters.onPage(shape.filters(), shape.fromIndex()), start, shape.descending(), shape.nullsFirst(),
                RenderedSelect.parameter("sort", column.getDataType()), RenderedSelect.id("after"),
                RenderedSelect.parameter("limit", SQLDataType.INTEGER)), PAGE_PARAMETERS);
    }

    private <V> Condition keyset(SortColumn<V> sortColumn, Shape shape) {
        Field<V> column = sortColumn.field();
        return switch (shape.start()) {
            case FIRST -> DSL.noCondition();
            // A title is never unknown, so "beyond (title, id)" is one row-value comparison, which both databases
            // answer as a range of the (title_search, id) index: a deep page costs what page 1 costs. (Spelled
            // as ORs, with "or unknown" for nullable columns, SQLite walked the index from its start.)
            case BEYOND_VALUE -> column == titleSearch
                    ? rowBeyond(column, RenderedSelect.parameter("sort", column.getDataType()), shape.descending())
                    : Keyset.beyond(column, RenderedSelect.parameter("sort", column.getDataType()), id,
                    RenderedSelect.id("after"), shape.descending(), shape.nullsFirst());
            case BEYOND_UNKNOWN -> Keyset.beyond(column, (Field<V>) null, id, RenderedSelect.id("after"),
                    shape.descending(), shape.nullsFirst());
        };
    }

    /** The parameters of a total's statement, in the order {@link #page} gives their values. */
    private static final List<String> TOTAL_PARAMETERS = List.of("q", "seen", "carried", "text", "second", "known");

    /**
     * A list's total without counting it. With filters (the operator's lists), still a count of the rows
     * matching them. Without filters or search: the list's size as {@code title_count} keeps it. With a
     * search: the count the cursor carried when {@code title_count}'s change counter still has the value
     * it had then ("seen"), else the page's own number of matches when it read them all ("known": PostgreSQL,
     * whose total comes after its page, on a first page that is not full), else a count of the matches through
     * the search's index that stops one beyond the cap ({@link CappedCount}) (so a common word costs what a rare one
     * does) — one statement either way, the count a branch of it that runs only when taken. Both read the
     * change counter too.
     */
    private <V> Condition rowBeyond(Field<V> column, Field<V> value, boolean descending) {
        var row = DSL.row(column, id);
        var boundary = DSL.row(value, RenderedSelect.id("after"));
        return descending ? row.lt(boundary) : row.gt(boundary);
    }

    private RenderedSelect totalStatement(Total total) {
        if (!total.filters().isEmpty()) {
            // A filtered list (the admin's) counts up to the cap, as a search does: "rating unknown" on a freshly
            // imported catalog of 1,000,000 movies counted 71,462 rows on every page (0.3 s on PostgreSQL, up to
            // 2 s on SQLite with its pages cold), "has inactive sources" every title (0.85 s on PostgreSQL). It also
            // names the filter that the page reads from its own index, if any (TitleFilters).
            return new RenderedSelect(dsl, statements, () -> titleFilters.total(total.filters(), filtered ->
                    CappedCount.of(DSL.selectOne().from(table).where(search(total.search())).and(filtered))),
                    TOTAL_PARAMETERS);
        }
        Field<Long> listTotal = TITLE_COUNT.TOTAL;
        Field<Long> changes = TITLE_COUNT.CHANGES;
        Condition row = TITLE_COUNT.KIND.eq(DSL.inline(kind));
        if (total.search() == Search.NONE) {
            return new RenderedSelect(dsl, statements, () -> DSL.select(listTotal, changes, listTotal).from(TITLE_COUNT)
                    .where(row), TOTAL_PARAMETERS);
        }
        return new RenderedSelect(dsl, statements, () -> {
            Field<Long> counted = DSL.field(CappedCount.of(matchesCounted(total.search())));
            Field<Long> known = RenderedSelect.parameter("known", SQLDataType.BIGINT);
            Field<Long> searchTotal = DSL.when(changes.eq(RenderedSelect.parameter("seen", SQLDataType.BIGINT)),
                    RenderedSelect.parameter("carried", SQLDataType.BIGINT))
                    .when(known.ge(DSL.inline(0L)), known).otherwise(counted);
            return DSL.select(searchTotal, changes, listTotal).from(TITLE_COUNT).where(row);
        }, TOTAL_PARAMETERS);
    }

    /**
     * The rows a search's total counts (up to the cap): one per matching title, read the cheapest way. SQLite: the
     * index alone for a phrase; for the rarest trigrams, the titles they find, each checked (a join, so that the
     * count stops at the cap's row without reading every title holding the pair); for a short text, the titles in
     * the index's terms beginning with it, each once. PostgreSQL, a short text: its condition itself (the page's
     * array of ids would be every match; the planner reads the list's first titles for a common text). Otherwise
     * the page's own condition.
     */
    private SelectLimitStep<?> matchesCounted(Search search) {
        if (database == DatabaseKind.SQLITE) {
            return switch (search) {
                case INDEXED -> DSL.selectOne().from(titleIndex).where(indexMatch());
                case RAREST_TRIGRAMS -> DSL.selectOne().from(titleIndex).join(table).on(id.eq(indexRowid()))
                        .where(indexMatch()).and(holdsText());
                case SHORT_INDEXED -> DSL.selectDistinct(termDocument()).from(titleTerms).where(termsBeginningWith());
                default -> DSL.selectOne().from(table).where(search(search));
            };
        }
        return DSL.selectOne().from(table)
                .where(search == Search.SHORT_INDEXED ? holdsShortText(titleSearch) : search(search));
    }

    /** SQLite: the trigram index's rows whose title contains the bound phrase. */
    private Condition indexMatch() {
        return DSL.condition("{0} match {1}", DSL.name(titleIndex.getName()),
                RenderedSelect.parameter("q", SQLDataType.VARCHAR));
    }

    /**
     * SQLite: the index's terms that begin with the bound text ({@code q} to {@code second}, see
     * {@link SearchTerm#throughTermsBeginningWithIt}). Since V15 the index holds each title followed by two
     * spaces, so every place where a text of 1 or 2 characters occurs in a title begins one of its trigrams; the
     * {@code title_terms_*} table (FTS5's vocabulary, one row per term and title) reads that range of terms alone.
     */
    private Condition termsBeginningWith() {
        Field<String> term = DSL.field(DSL.name("term"), String.class);
        return term.ge(RenderedSelect.parameter("q", SQLDataType.VARCHAR))
                .and(term.lt(RenderedSelect.parameter("second", SQLDataType.VARCHAR)));
    }

    /**
     * PostgreSQL: the title holds the bound text of 1 or 2 characters ({@code q}): it is one of the title's
     * characters or pairs of consecutive characters, {@code title_short_texts} (V15), whose GIN index answers this.
     */
    private static Condition holdsShortText(Field<String> titleSearch) {
        return DSL.condition("title_short_texts({0}) @> array[{1}]::text[]", titleSearch,
                RenderedSelect.parameter("q", SQLDataType.VARCHAR));
    }

    /** PostgreSQL: the ids of the titles holding the bound short text, through its index. */
    private Select<Record1<Long>> matchingShortText() {
        Table<?> matched = table.as("matched");
        return DSL.select(matched.field(id)).from(matched).where(holdsShortText(matched.field(titleSearch)));
    }

    /** SQLite: the title (row id) a row of the index's vocabulary is in. */
    private static Field<Long> termDocument() {
        return DSL.field(DSL.name("doc"), Long.class);
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
            // SQLite: the row ids the FTS5 trigram index finds, each looked up by primary key. PostgreSQL:
            // the same LIKE as a short search, which its GIN trigram index on title_search serves.
            case INDEXED -> database == DatabaseKind.SQLITE
                    ? id.in(DSL.select(DSL.field(DSL.name("rowid"), Long.class)).from(titleIndex).where(indexMatch()))
                    : Keyset.contains(titleSearch, pattern);
            // The titles holding the search's two rarest trigrams, each checked for the whole text. SQLite: the
            // row ids FTS5 finds for both. PostgreSQL: two LIKEs of one trigram each, which its GIN index answers
            // together by reading those two trigrams' posting lists (and the heap re-checks, like every LIKE).
            case RAREST_TRIGRAMS -> database == DatabaseKind.SQLITE
                    ? id.in(DSL.select(DSL.field(DSL.name("rowid"), Long.class)).from(titleIndex)
                    .where(indexMatch())).and(holdsText())
                    : Keyset.contains(titleSearch, pattern)
                    .and(Keyset.contains(titleSearch, RenderedSelect.parameter("second", SQLDataType.VARCHAR)))
                    .and(holdsText());
            case FOLDED -> Keyset.contains(titleSearch, pattern);
            // SQLite: the titles with a trigram beginning with the text, each looked up by primary key. PostgreSQL:
            // the ids the short texts' index finds, as an array computed first, so that the page cannot be planned
            // as a walk of the list filtering each title (a rare text's estimate is up to 0.5% of the list).
            case SHORT_INDEXED -> database == DatabaseKind.SQLITE
                    ? id.in(DSL.select(termDocument()).from(titleTerms).where(termsBeginningWith()))
                    : DSL.condition("{0} = any(array({1}))", id, matchingShortText());
            case INDEXED_IN_ID_ORDER, RAREST_TRIGRAMS_IN_ID_ORDER -> throw new IllegalStateException("a page's statement only: " + search);
            case LITERAL -> Keyset.contains(title, pattern);
        };
    }
}
