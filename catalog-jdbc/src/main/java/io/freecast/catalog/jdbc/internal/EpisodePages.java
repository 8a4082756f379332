package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * Pages of a show's episodes with their sources, ordered by (season number, episode number), all seasons or
 * one, paged by keyset — in one statement: the show's row (none when it does not exist), the number of
 * episodes in the list (a scalar subquery, run once), and the page's episodes (a derived table with its
 * {@code LIMIT}), each joined with its sources. Like {@link TitlePages}, each shape of statement is rendered
 * once.
 *
 * <p>Why one statement and not three (the show and the count, the page, the page's sources {@code IN (ids)}):
 * on PostgreSQL each is a round trip, and on SQLite each costs a pool checkout, a bind and a reset, and the
 * sources' {@code ORDER BY id} sorted their rows in a temporary b-tree. The sources come here in the order
 * of their index on {@code (episode_id, url)}; an episode's few sources are put in id order in Java, so that
 * neither database sorts the joined rows (the outer order is the derived table's own, which SQLite keeps
 * without sorting).
 */
final class EpisodePages {

    /** Where a page starts: at the list's start, after a cursor or before it. */
    private enum Start { FIRST, AFTER, BEFORE }

    private record Shape(boolean oneSeason, Start start) {
    }

    /** The parameters of the statement, in the order their values are given. */
    private static final List<String> PARAMETERS = List.of("show", "season", "at_season", "at_episode", "limit");

    /** The derived table of the page's episodes, and its season number column. */
    private static final String PAGE = "episode_page";
    private static final String SEASON_NUMBER = "season_number";

    /** Where the columns are in a row: the show's id, the total, the episode's, its season number, a source's. */
    private static final int TOTAL_AT = 2;
    private static final int EPISODE_AT = 3;
    private static final int SEASON_NUMBER_AT = EPISODE_AT + ResultSetRows.EPISODE_COLUMNS.size();
    private static final int SOURCE_AT = SEASON_NUMBER_AT + 1;

    private final DSLContext dsl;
    private final ReadStatements statements;
    private final ResultSetRows rows;
    private final Map<Shape, RenderedSelect> pages = new ConcurrentHashMap<>();

    EpisodePages(DSLContext dsl, ReadStatements statements, ResultSetRows rows) {
        this.dsl = dsl;
        this.statements = statements;
        this.rows = rows;
    }

    /** The page, its episodes with their sources (by id); empty when there is no such show. */
    Optional<Page<EpisodeTree>> page(long showId, EpisodeQuery query) {
        boolean oneSeason = query.season() != null;
        PageRequest request = query.page();
        Cursor cursor = request.cursor();
        Start start = cursor == null ? Start.FIRST : Keyset.backwards(request) ? Start.BEFORE : Start.AFTER;
        int[] position = cursor == null ? null : position(cursor);
        Fetched fetched = pages.computeIfAbsent(new Shape(oneSeason, start), this::pageStatement).query(this::read,
                showId, query.season(), position == null ? null : position[0], position == null ? null : position[1],
                request.limit() + 1);
        if (fetched == null) {
            return Optional.empty();
        }
        return Optional.of(Keyset.page(fetched.episodes(), request, EpisodeQuery.ORDER,
                e -> new Keyset.Boundary(e.seasonNumber() + ":" + e.episode().number(), e.episode().id()),
                fetched.total()));
    }

    /** The page's episodes in the statement's order, and the list's total. */
    private record Fetched(List<EpisodeTree> episodes, long total) {
    }

    /**
     * The rows of one run: one per source of each episode (one with no source for an episode without any), an
     * episode's rows together; a single row without an episode for a show with none; no row without a show.
     * An episode's columns are read once, from its first row.
     */
    private Fetched read(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return null;
        }
        long total = rs.getLong(TOTAL_AT);
        List<EpisodeTree> episodes = new ArrayList<>();
        Episode episode = null;
        int seasonNumber = 0;
        List<Source> sources = new ArrayList<>();
        do {
            long episodeId = rs.getLong(EPISODE_AT);
            if (episodeId == 0 && rs.wasNull()) {
                break;
            }
            if (episode == null || episode.id() != episodeId) {
                if (episode != null) {
                    episodes.add(tree(episode, seasonNumber, sources));
                    sources.clear();
                }
                episode = rows.episode(rs, EPISODE_AT);
                seasonNumber = rs.getInt(SEASON_NUMBER_AT);
            }
            long sourceId = rs.getLong(SOURCE_AT);
            if (sourceId != 0 || !rs.wasNull()) {
                sources.add(rows.episodeSource(rs, SOURCE_AT, sourceId, episodeId));
            }
        } while (rs.next());
        if (episode != null) {
            episodes.add(tree(episode, seasonNumber, sources));
        }
        return new Fetched(episodes, total);
    }

    private static EpisodeTree tree(Episode episode, int seasonNumber, List<Source> sources) {
        return new EpisodeTree(episode, seasonNumber, ResultSetRows.inIdOrder(sources));
    }

    /** An episode cursor's position: season number and episode number, written {@code 2:7}. */
    private static int[] position(Cursor cursor) {
        String value = cursor.sortValue();
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw Keyset.malformedCursor();
        }
        try {
            return new int[] {Integer.parseInt(value.substring(0, colon)), Integer.parseInt(value.substring(colon + 1))};
        } catch (NumberFormatException e) {
            throw Keyset.malformedCursor();
        }
    }

    private static Condition ofShow(boolean oneSeason) {
        Condition show = SEASON.SHOW_ID.eq(RenderedSelect.id("show"));
        return oneSeason ? show.and(SEASON.NUMBER.eq(RenderedSelect.parameter("season", SQLDataType.INTEGER))) : show;
    }

    /**
     * {@code SELECT show.id, (count), episode_page.*, source.* FROM show LEFT JOIN (the page) ON TRUE LEFT JOIN
     * source ON source.episode_id = episode_page.id WHERE show.id = ? ORDER BY} the page's order.
     */
    private RenderedSelect pageStatement(Shape shape) {
        Param<Integer> season = RenderedSelect.parameter("at_season", SQLDataType.INTEGER);
        Param<Integer> episode = RenderedSelect.parameter("at_episode", SQLDataType.INTEGER);
        Condition keyset = switch (shape.start()) {
            case FIRST -> DSL.noCondition();
            case AFTER -> SEASON.NUMBER.gt(season).or(SEASON.NUMBER.eq(season).and(EPISODE.NUMBER.gt(episode)));
            case BEFORE -> SEASON.NUMBER.lt(season).or(SEASON.NUMBER.eq(season).and(EPISODE.NUMBER.lt(episode)));
        };
        boolean backwards = shape.start() == Start.BEFORE;
        return new RenderedSelect(dsl, statements, () -> {
            Field<Integer> total = DSL.field(DSL.selectCount().from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                    .where(ofShow(shape.oneSeason())));
            List<SelectField<?>> pageColumns = new ArrayList<>(ResultSetRows.EPISODE_COLUMNS);
            pageColumns.add(SEASON.NUMBER.as(SEASON_NUMBER));
            Table<?> page = DSL.select(pageColumns)
                    .from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                    .where(ofShow(shape.oneSeason())).and(keyset)
                    .orderBy(backwards ? SEASON.NUMBER.desc() : SEASON.NUMBER.asc(),
                            backwards ? EPISODE.NUMBER.desc() : EPISODE.NUMBER.asc())
                    .limit(RenderedSelect.parameter("limit", SQLDataType.INTEGER))
                    .asTable(PAGE);
            List<SelectField<?>> columns = new ArrayList<>();
            columns.add(SHOW.ID);
            columns.add(total);
            for (Field<?> column : ResultSetRows.EPISODE_COLUMNS) {
                columns.add(page.field(column.getName()));
            }
            Field<Integer> pageSeason = page.field(SEASON_NUMBER, Integer.class);
            Field<Integer> pageEpisode = page.field(EPISODE.NUMBER.getName(), Integer.class);
            columns.add(pageSeason);
            columns.addAll(ResultSetRows.SOURCE_COLUMNS);
            return DSL.select(columns).from(SHOW)
                    .leftJoin(page).on(DSL.trueCondition())
                    .leftJoin(SOURCE).on(SOURCE.EPISODE_ID.eq(page.field(EPISODE.ID.getName(), Long.class)))
                    .where(SHOW.ID.eq(RenderedSelect.id("show")))
                    .orderBy(backwards ? pageSeason.desc() : pageSeason.asc(),
                            backwards ? pageEpisode.desc() : pageEpisode.asc());
        }, PARAMETERS);
    }
}
