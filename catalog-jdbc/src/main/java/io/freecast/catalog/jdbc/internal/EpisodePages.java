package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;

/**
 * Pages of a show's episodes — without their sources — ordered by (season number, episode number), all
 * seasons or one, paged by keyset: one statement says whether the show exists and how many episodes the
 * list has, one reads the page. Like {@link TitlePages}, each shape of statement is rendered once.
 */
final class EpisodePages {

    /** Where a page starts: at the list's start, after a cursor or before it. */
    private enum Start { FIRST, AFTER, BEFORE }

    private record Shape(boolean oneSeason, Start start) {
    }

    /** The parameters of both statements, in the order their values are given. */
    private static final List<String> PARAMETERS = List.of("show", "season", "at_season", "at_episode", "limit");

    private final DSLContext dsl;
    private final ReadStatements statements;
    private final ResultSetRows rows;
    private final Map<Boolean, RenderedSelect> heads = new ConcurrentHashMap<>();
    private final Map<Shape, RenderedSelect> pages = new ConcurrentHashMap<>();

    EpisodePages(DSLContext dsl, ReadStatements statements, ResultSetRows rows) {
        this.dsl = dsl;
        this.statements = statements;
        this.rows = rows;
    }

    /** The page, its episodes without their sources; empty when there is no such show. */
    Optional<Page<EpisodeTree>> page(long showId, EpisodeQuery query) {
        boolean oneSeason = query.season() != null;
        Long total = heads.computeIfAbsent(oneSeason, this::headStatement).query(
                rs -> rs.next() ? rs.getLong(2) : null, showId, query.season(), null, null, null);
        if (total == null) {
            return Optional.empty();
        }
        PageRequest request = query.page();
        Cursor cursor = request.cursor();
        Start start = cursor == null ? Start.FIRST : Keyset.backwards(request) ? Start.BEFORE : Start.AFTER;
        int[] position = cursor == null ? null : position(cursor);
        int seasonNumberAt = ResultSetRows.EPISODE_COLUMNS.size() + 1;
        List<EpisodeTree> fetched = pages.computeIfAbsent(new Shape(oneSeason, start), this::pageStatement).query(rs -> {
            List<EpisodeTree> all = new ArrayList<>();
            while (rs.next()) {
                all.add(new EpisodeTree(rows.episode(rs, 1), rs.getInt(seasonNumberAt), List.of()));
            }
            return all;
        }, showId, query.season(), position == null ? null : position[0], position == null ? null : position[1],
                request.limit() + 1);
        return Optional.of(Keyset.page(fetched, request, EpisodeQuery.ORDER,
                e -> new Keyset.Boundary(e.seasonNumber() + ":" + e.episode().number(), e.episode().id()), total));
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

    /** The show's id if it exists, with the number of its episodes in the list. */
    private RenderedSelect headStatement(boolean oneSeason) {
        Field<Integer> total = DSL.field(DSL.selectCount().from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .where(ofShow(oneSeason)));
        return new RenderedSelect(dsl, statements, () -> DSL.select(SHOW.ID, total).from(SHOW)
                .where(SHOW.ID.eq(RenderedSelect.id("show"))), PARAMETERS);
    }

    private RenderedSelect pageStatement(Shape shape) {
        Param<Integer> season = RenderedSelect.parameter("at_season", SQLDataType.INTEGER);
        Param<Integer> episode = RenderedSelect.parameter("at_episode", SQLDataType.INTEGER);
        Condition keyset = switch (shape.start()) {
            case FIRST -> DSL.noCondition();
            case AFTER -> SEASON.NUMBER.gt(season).or(SEASON.NUMBER.eq(season).and(EPISODE.NUMBER.gt(episode)));
            case BEFORE -> SEASON.NUMBER.lt(season).or(SEASON.NUMBER.eq(season).and(EPISODE.NUMBER.lt(episode)));
        };
        boolean backwards = shape.start() == Start.BEFORE;
        List<Field<?>> columns = new ArrayList<>(ResultSetRows.EPISODE_COLUMNS);
        columns.add(SEASON.NUMBER);
        return new RenderedSelect(dsl, statements, () -> DSL.select(columns)
                .from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .where(ofShow(shape.oneSeason())).and(keyset)
                .orderBy(backwards ? SEASON.NUMBER.desc() : SEASON.NUMBER.asc(),
                        backwards ? EPISODE.NUMBER.desc() : EPISODE.NUMBER.asc())
                .limit(RenderedSelect.parameter("limit", SQLDataType.INTEGER)), PARAMETERS);
    }
}
