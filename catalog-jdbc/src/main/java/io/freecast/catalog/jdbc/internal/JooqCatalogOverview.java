package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.CatalogCounts;
import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.DeadLink;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.TaskRunReport;
import io.freecast.catalog.domain.TitleFilter;
import io.freecast.catalog.port.in.CatalogOverview;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.TITLE_COUNT;

/**
 * The operator's read side: counts in one statement (kept by the database on PostgreSQL, counted on SQLite), filtered title pages through {@link TitlePages}
 * (rows and total: two statements), dead links (rows with their owners, and total: two statements), and
 * a run's report through the run log.
 */
final class JooqCatalogOverview implements CatalogOverview {

    /** A dead-link list's order: by source id only, so its cursor is the id. */
    private static final String DEAD_LINK_ORDER = "id";

    private final DSLContext dsl;
    private final DatabaseKind kind;
    private final ResultSetRows rows;
    private final TitlePages<Show> shows;
    private final TitlePages<Movie> movies;
    private final JooqTaskRunLog runs;
    /** Counting whole tables of a large catalog may take longer than an ordinary round trip may wait. */
    private final AnswerTimeouts answers;

    JooqCatalogOverview(DSLContext dsl, DatabaseKind kind, JooqTaskRunLog runs, AnswerTimeouts answers) {
        this.dsl = dsl;
        this.kind = kind;
        this.answers = answers;
        this.rows = new ResultSetRows(kind);
        ReadStatements statements = ReadStatements.forKind(kind);
        this.shows = TitlePages.shows(dsl, statements, rows);
        this.movies = TitlePages.movies(dsl, statements, rows);
        this.runs = runs;
    }

    @Override
    public CatalogCounts counts() {
        // Run as long work all the same: a fold of changes nobody has read for months, or a count on SQLite, may
        // take longer than an ordinary round trip may wait.
        var counts = answers.withLongWork(dsl, counting -> kind == DatabaseKind.SQLITE
                ? counting.select(titles("show"), counted(DSL.selectCount().from(SEASON)),
                        counted(DSL.selectCount().from(EPISODE)), titles("movie"),
                        counted(DSL.selectCount().from(SOURCE).where(SOURCE.IS_ACTIVE.eq(DSL.inline(true)))),
                        counted(DSL.selectCount().from(SOURCE).where(SOURCE.IS_ACTIVE.eq(DSL.inline(false)))))
                        .fetchSingle()
                : counting.resultQuery(KEPT_COUNTS)
                        .coerce(SHOWS, SEASONS, EPISODES, MOVIES, ACTIVE_SOURCES, INACTIVE_SOURCES).fetchSingle());
        return new CatalogCounts(counts.value1(), counts.value2(), counts.value3(), counts.value4(), counts.value5(),
                counts.value6());
    }

    /** Shows and movies: as {@code title_count} keeps them for the lists' totals, on both databases. */
    private static Field<Long> titles(String kind) {
        return DSL.field(DSL.select(TITLE_COUNT.TOTAL).from(TITLE_COUNT).where(TITLE_COUNT.KIND.eq(DSL.inline(kind))));
    }

    /** SQLite counts the other rows through its indexes: about 0.35 s at 1,000,000 titles (migration V13). */
    private static Field<Long> counted(Select<Record1<Integer>> select) {
        return DSL.field(select).cast(Long.class);
    }

    /** The columns of {@link #KEPT_COUNTS}, in the order of {@link CatalogCounts}. */
    private static final Field<Long> SHOWS = DSL.field("shows", Long.class);
    private static final Field<Long> SEASONS = DSL.field("seasons", Long.class);
    private static final Field<Long> EPISODES = DSL.field("episodes", Long.class);
    private static final Field<Long> MOVIES = DSL.field("movies", Long.class);
    private static final Field<Long> ACTIVE_SOURCES = DSL.field("active_sources", Long.class);
    private static final Field<Long> INACTIVE_SOURCES = DSL.field("inactive_sources", Long.class);

    /**
     * PostgreSQL reads the other counts as the triggers of migration V13 keep them: the sum of each kind's rows
     * in {@code catalog_count_change}. When those rows are many, the same statement folds them into one per
     * kind ({@link CatalogCountChanges}): its data-modifying {@code WITH} deletes them and inserts their sums,
     * while its {@code SELECT} still reads the rows as they were when it started (one snapshot for the whole
     * statement), so what it answers is the same either way. Rows another transaction has not committed are
     * neither read nor folded, and no row is locked that any writer waits for.
     */
    private static final String KEPT_COUNTS = "WITH "
            + CatalogCountChanges.folding("(SELECT count(*) > 64 FROM catalog_count_change)") + """
            , kept AS (
                SELECT
                    coalesce(sum(delta) FILTER (WHERE kind = 'season'), 0) AS seasons,
                    coalesce(sum(delta) FILTER (WHERE kind = 'episode'), 0) AS episodes,
                    coalesce(sum(delta) FILTER (WHERE kind = 'source'), 0) AS sources,
                    coalesce(sum(delta) FILTER (WHERE kind = 'inactive_source'), 0) AS inactive_sources
                FROM catalog_count_change
            )
            SELECT (SELECT total FROM title_count WHERE kind = 'show') AS shows, seasons::bigint, episodes::bigint,
                (SELECT total FROM title_count WHERE kind = 'movie') AS movies,
                (sources - inactive_sources)::bigint AS active_sources, inactive_sources::bigint
            FROM kept""";

    @Override
    public Page<Show> listShows(ListQuery query, Set<TitleFilter> filters) {
        return shows.page(query, filters);
    }

    @Override
    public Page<Movie> listMovies(ListQuery query, Set<TitleFilter> filters) {
        return movies.page(query, filters);
    }

    /** Inactive, or failed at its last check: what the link checks are unhappy about. */
    private static Condition dead() {
        return SOURCE.IS_ACTIVE.eq(DSL.inline(false)).or(SOURCE.CONSECUTIVE_FAILURES.gt(DSL.inline(0)));
    }

    @Override
    public Page<DeadLink> listDeadLinks(PageRequest page) {
        Objects.requireNonNull(page, "page");
        Cursor cursor = page.cursor();
        if (cursor != null && !cursor.sort().equals(DEAD_LINK_ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to the dead-link list; start again without it");
        }
        // Counted first, up to the cap, as a search or a filtered list is (a link check that finds a CDN down may
        // leave most of the catalog's sources dead, and this page would count them all on every visit); through the
        // indexes of inactive and of failing sources, one range each.
        long total = CappedCount.total(answers.withLongWork(dsl,
                counting -> counting.fetchValue(CappedCount.of(counting.selectOne().from(SOURCE).where(dead())))));
        // SQLite, when they are few (counted exactly): ordered by the id behind a unary plus, so that SQLite reads them
        // through the indexes of inactive and of failing sources and sorts them; in id order it walked every source to
        // fill a page (0.37 s with 3 dead links among 6.5 million sources; 3 ms now). Beyond the cap the walk in id
        // order finds a page soonest.
        Field<Long> order = total != Page.UNCOUNTED && kind == DatabaseKind.SQLITE
                ? SqlitePlanHints.notThroughAnIndex(SOURCE.ID) : SOURCE.ID;
        boolean backwards = Keyset.backwards(page);
        Condition keyset = cursor == null ? DSL.noCondition()
                : backwards ? order.lt(cursor.id()) : order.gt(cursor.id());
        List<Field<?>> columns = new ArrayList<>(ResultSetRows.SOURCE_COLUMNS);
        columns.addAll(List.of(DSL.coalesce(MOVIE.TITLE, SHOW.TITLE), SHOW.ID, SEASON.NUMBER, EPISODE.NUMBER));
        int at = ResultSetRows.SOURCE_COLUMNS.size() + 1;
        List<DeadLink> links = new ArrayList<>();
        try (var rs = dsl.select(columns).from(SOURCE)
                .leftJoin(MOVIE).on(MOVIE.ID.eq(SOURCE.MOVIE_ID))
                .leftJoin(EPISODE).on(EPISODE.ID.eq(SOURCE.EPISODE_ID))
                .leftJoin(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .leftJoin(SHOW).on(SHOW.ID.eq(SEASON.SHOW_ID))
                .where(dead()).and(keyset)
                .orderBy(backwards ? order.desc() : order.asc())
                .limit(page.limit() + 1)
                .fetchResultSet()) {
            while (rs.next()) {
                Long showId = rs.getLong(at + 1);
                boolean ofEpisode = !rs.wasNull();
                links.add(new DeadLink(rows.source(rs, 1), Objects.requireNonNullElse(rs.getString(at), ""),
                        ofEpisode ? showId : null, ofEpisode ? rs.getInt(at + 2) : null,
                        ofEpisode ? rs.getInt(at + 3) : null));
            }
        } catch (java.sql.SQLException e) {
            throw new org.jooq.exception.DataAccessException("reading the dead links failed", e);
        }
        return Keyset.page(links, page, DEAD_LINK_ORDER, l -> new Keyset.Boundary(null, l.source().id()), total);
    }

    @Override
    public Optional<TaskRunReport> findRun(long runId) {
        return runs.findRun(runId);
    }
}
