package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.ActiveFilter;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CatalogQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.ResultSetRows.EPISODE_COLUMNS;
import static io.freecast.catalog.jdbc.internal.ResultSetRows.MOVIE_COLUMNS;
import static io.freecast.catalog.jdbc.internal.ResultSetRows.SHOW_COLUMNS;
import static io.freecast.catalog.jdbc.internal.ResultSetRows.SOURCE_COLUMNS;
import static io.freecast.catalog.jdbc.internal.SeasonTreeRows.concat;
import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;
import static org.jooq.impl.DSL.select;

/**
 * The read side. Every call runs a fixed number of statements however many seasons, episodes and sources
 * there are: one item with its whole tree is one query over {@code LEFT JOIN}s; a page of titles is its rows
 * ({@link TitlePages}), the children of exactly those rows ({@code … IN (ids)}), and its total; a page of a
 * show's episodes is one statement ({@link EpisodePages}).
 *
 * <p>Every statement is rendered once per shape ({@link RenderedSelect}, {@link InListSelect}), prepared
 * once per connection on SQLite ({@link ReadStatements}), and read by position into domain records
 * ({@link ResultSetRows}). This replaced a jOOQ query per request with nested MULTISETs, which SQLite
 * answers by building JSON that jOOQ then parsed back into records: together most of an uncached API
 * request's CPU.
 *
 * <p>A page's rows and its children are two statements: a write committed between them shows in the
 * children only (a movie with the sources it has a moment later), never as a broken tree.
 */
final class JooqCatalogQueries implements CatalogQueries {

    private static final List<String> ID = List.of("id");

    private final ResultSetRows rows;
    private final TitlePages<Show> showPages;
    private final TitlePages<Movie> moviePages;
    private final EpisodePages episodePages;
    private final RenderedSelect showTree;
    private final RenderedSelect movieTree;
    private final Map<ActiveFilter, RenderedSelect> movieSources = new EnumMap<>(ActiveFilter.class);
    private final Map<ActiveFilter, RenderedSelect> episodeSources = new EnumMap<>(ActiveFilter.class);
    private final InListSelect seasonsOfShows;
    private final InListSelect sourcesOfMovies;
    private final RenderedSelect seasonTree;
    private final RenderedSelect episodeTree;
    private final RenderedSelect sourceById;

    JooqCatalogQueries(DSLContext dsl, DatabaseKind kind) {
        this.rows = new ResultSetRows(kind);
        ReadStatements statements = ReadStatements.forKind(kind);
        this.showPages = TitlePages.shows(dsl, statements, rows);
        this.moviePages = TitlePages.movies(dsl, statements, rows);
        this.episodePages = new EpisodePages(dsl, statements, rows);
        this.showTree = new RenderedSelect(dsl, statements, () -> select(concat(SHOW_COLUMNS, SeasonTreeRows.COLUMNS))
                .from(SHOW)
                .leftJoin(SEASON).on(SEASON.SHOW_ID.eq(SHOW.ID))
                .leftJoin(EPISODE).on(EPISODE.SEASON_ID.eq(SEASON.ID))
                .leftJoin(SOURCE).on(SOURCE.EPISODE_ID.eq(EPISODE.ID))
                .where(SHOW.ID.eq(RenderedSelect.id("id")))
                .orderBy(SEASON.NUMBER, EPISODE.NUMBER, SOURCE.ID), ID);
        // No ORDER BY here and in the sources' statements below: the sources come in their index's order (owner,
        // url) and are put in id order in Java. For 1–3 rows SQLite's sort (a temporary b-tree) cost a tenth of the
        // statement (19 against 22 µs at 1,000,000 movies).
        this.movieTree = new RenderedSelect(dsl, statements, () -> select(concat(MOVIE_COLUMNS, SOURCE_COLUMNS))
                .from(MOVIE)
                .leftJoin(SOURCE).on(SOURCE.MOVIE_ID.eq(MOVIE.ID))
                .where(MOVIE.ID.eq(RenderedSelect.id("id"))), ID);
        for (ActiveFilter filter : ActiveFilter.values()) {
            movieSources.put(filter, new RenderedSelect(dsl, statements, () -> select(concat(List.of(MOVIE.ID), SOURCE_COLUMNS))
                    .from(MOVIE)
                    .leftJoin(SOURCE).on(SOURCE.MOVIE_ID.eq(MOVIE.ID)).and(activeFilter(filter))
                    .where(MOVIE.ID.eq(RenderedSelect.id("id"))), ID));
            episodeSources.put(filter, new RenderedSelect(dsl, statements, () -> select(concat(List.of(EPISODE.ID), SOURCE_COLUMNS))
                    .from(EPISODE)
                    .leftJoin(SOURCE).on(SOURCE.EPISODE_ID.eq(EPISODE.ID)).and(activeFilter(filter))
                    .where(EPISODE.ID.eq(RenderedSelect.id("id"))), ID));
        }
        this.seasonsOfShows = new InListSelect(dsl, statements, ids -> select(concat(List.of(SEASON.SHOW_ID), SeasonTreeRows.COLUMNS))
                .from(SEASON)
                .leftJoin(EPISODE).on(EPISODE.SEASON_ID.eq(SEASON.ID))
                .leftJoin(SOURCE).on(SOURCE.EPISODE_ID.eq(EPISODE.ID))
                .where(SEASON.SHOW_ID.in(ids))
                .orderBy(SEASON.SHOW_ID, SEASON.NUMBER, EPISODE.NUMBER, SOURCE.ID));
        // No ORDER BY here either: SQLite sorted a page's ~100 sources in a temporary b-tree (for a search page of
        // 50 movies at 1,000,000: fastest of 2,000 runs 105–109 µs with it, 86–102 without); each movie's few are
        // put in id order in Java.
        this.sourcesOfMovies = new InListSelect(dsl, statements, ids -> select(SOURCE_COLUMNS)
                .from(SOURCE).where(SOURCE.MOVIE_ID.in(ids)));
        this.seasonTree = new RenderedSelect(dsl, statements, () -> select(SeasonTreeRows.COLUMNS)
                .from(SEASON)
                .leftJoin(EPISODE).on(EPISODE.SEASON_ID.eq(SEASON.ID))
                .leftJoin(SOURCE).on(SOURCE.EPISODE_ID.eq(EPISODE.ID))
                .where(SEASON.ID.eq(RenderedSelect.id("id")))
                .orderBy(EPISODE.NUMBER, SOURCE.ID), ID);
        this.episodeTree = new RenderedSelect(dsl, statements, () -> select(concat(EPISODE_COLUMNS, List.of(SEASON.NUMBER),
                        SOURCE_COLUMNS))
                .from(EPISODE)
                .join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .leftJoin(SOURCE).on(SOURCE.EPISODE_ID.eq(EPISODE.ID))
                .where(EPISODE.ID.eq(RenderedSelect.id("id")))
                .orderBy(SOURCE.ID), ID);
        this.sourceById = new RenderedSelect(dsl, statements, () -> select(SOURCE_COLUMNS)
                .from(SOURCE)
                .where(SOURCE.ID.eq(RenderedSelect.id("id"))), ID);
    }

    // ---- single items, for the editing side (ItemReader): one statement each, like a show's tree ----

    /** One season with its episodes (by number) and their sources (by id). */
    Optional<SeasonTree> findSeason(long seasonId) {
        return seasonTree.query(rs -> {
            SeasonTreeRows tree = new SeasonTreeRows(rows, 1);
            while (rs.next()) {
                tree.add(rs);
            }
            List<SeasonTree> seasons = tree.finish();
            return seasons.isEmpty() ? Optional.empty() : Optional.of(seasons.getFirst());
        }, seasonId);
    }

    /** One episode with its season's number and its sources (by id). */
    Optional<EpisodeTree> findEpisode(long episodeId) {
        return episodeTree.query(rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            int seasonNumberAt = EPISODE_COLUMNS.size() + 1;
            int sourceAt = seasonNumberAt + 1;
            Episode episode = rows.episode(rs, 1);
            int seasonNumber = rs.getInt(seasonNumberAt);
            List<Source> sources = new ArrayList<>();
            do {
                if (ResultSetRows.nullableLong(rs, sourceAt) != null) {
                    sources.add(rows.source(rs, sourceAt));
                }
            } while (rs.next());
            return Optional.of(new EpisodeTree(episode, seasonNumber, sources));
        }, episodeId);
    }

    Optional<Source> findSource(long sourceId) {
        return sourceById.query(rs -> rs.next() ? Optional.of(rows.source(rs, 1)) : Optional.empty(), sourceId);
    }

    /** Inlined, so that a rendered statement binds nothing but its parameters. */
    private static Condition activeFilter(ActiveFilter filter) {
        return switch (filter) {
            case ALL -> DSL.noCondition();
            case ACTIVE_ONLY -> SOURCE.IS_ACTIVE.eq(DSL.inline(true));
            case INACTIVE_ONLY -> SOURCE.IS_ACTIVE.eq(DSL.inline(false));
        };
    }

    // ---- shows ----

    @Override
    public Page<ShowTree> listShows(ListQuery query) {
        Page<Show> page = showPages.page(query);
        Map<Long, List<SeasonTree>> seasons = seasonsOfShows.query(rs -> {
            Map<Long, List<SeasonTree>> byShow = new HashMap<>();
            SeasonTreeRows tree = new SeasonTreeRows(rows, 2);
            long current = 0;
            while (rs.next()) {
                long showId = rs.getLong(1);
                if (showId != current && current != 0) {
                    byShow.put(current, tree.finish());
                }
                current = showId;
                tree.add(rs);
            }
            if (current != 0) {
                byShow.put(current, tree.finish());
            }
            return byShow;
        }, ids(page, Show::id), Map.of());
        return page.map(show -> new ShowTree(show, seasons.getOrDefault(show.id(), List.of())));
    }

    @Override
    public Optional<ShowTree> findShow(long showId) {
        return showTree.query(rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            Show show = rows.show(rs, 1);
            return Optional.of(new ShowTree(show, seasons(rs, SHOW_COLUMNS.size() + 1)));
        }, showId);
    }

    @Override
    public Optional<List<SeasonTree>> findSeasons(long showId) {
        return showTree.query(rs -> rs.next() ? Optional.of(seasons(rs, SHOW_COLUMNS.size() + 1))
                : Optional.empty(), showId);
    }

    /** The seasons in the rows from the current one on, their columns starting at {@code at}. */
    private List<SeasonTree> seasons(ResultSet rs, int at) throws SQLException {
        SeasonTreeRows tree = new SeasonTreeRows(rows, at);
        do {
            tree.add(rs);
        } while (rs.next());
        return tree.finish();
    }

    @Override
    public Optional<Page<EpisodeTree>> findEpisodes(long showId, EpisodeQuery query) {
        return episodePages.page(showId, query);
    }

    @Override
    public Optional<List<Source>> findEpisodeSources(long episodeId, ActiveFilter filter) {
        return episodeSources.get(filter).query(this::ownerSources, episodeId);
    }

    // ---- movies ----

    @Override
    public Page<MovieTree> listMovies(ListQuery query) {
        Page<Movie> page = moviePages.page(query);
        Map<Long, List<Source>> sources = sourcesOfMovies.query(this::sourcesByOwner, ids(page, Movie::id), Map.of());
        return page.map(movie -> new MovieTree(movie, sources.getOrDefault(movie.id(), List.of())));
    }

    @Override
    public Optional<MovieTree> findMovie(long movieId) {
        return movieTree.query(rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            Movie movie = rows.movie(rs, 1);
            List<Source> sources = new ArrayList<>();
            int sourceAt = MOVIE_COLUMNS.size() + 1;
            do {
                if (ResultSetRows.nullableLong(rs, sourceAt) != null) {
                    sources.add(rows.source(rs, sourceAt));
                }
            } while (rs.next());
            return Optional.of(new MovieTree(movie, ResultSetRows.inIdOrder(sources)));
        }, movieId);
    }

    @Override
    public Optional<List<Source>> findMovieSources(long movieId, ActiveFilter filter) {
        return movieSources.get(filter).query(this::ownerSources, movieId);
    }

    // ---- sources ----

    /**
     * The sources of one owner from {@code owner LEFT JOIN source} rows (owner id, then the source's
     * columns, in their index's order), put in id order: empty when there is no owner, an empty list for an
     * owner without sources.
     */
    private Optional<List<Source>> ownerSources(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        List<Source> sources = new ArrayList<>();
        do {
            if (ResultSetRows.nullableLong(rs, 2) != null) {
                sources.add(rows.source(rs, 2));
            }
        } while (rs.next());
        return Optional.of(ResultSetRows.inIdOrder(sources));
    }

    /** Sources ({@link ResultSetRows#SOURCE_COLUMNS} rows, in any order) grouped by their movie, each movie's by id. */
    private Map<Long, List<Source>> sourcesByOwner(ResultSet rs) throws SQLException {
        Map<Long, List<Source>> byOwner = new HashMap<>();
        while (rs.next()) {
            Source source = rows.source(rs, 1);
            byOwner.computeIfAbsent(source.owner().id(), owner -> new ArrayList<>()).add(source);
        }
        byOwner.values().forEach(ResultSetRows::inIdOrder);
        return byOwner;
    }

    private static <T> long[] ids(Page<T> page, ToLongFunction<T> id) {
        return page.items().stream().mapToLong(id).toArray();
    }
}
