package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;

import static io.freecast.catalog.jdbc.internal.ResultSetRows.EPISODE_COLUMNS;
import static io.freecast.catalog.jdbc.internal.ResultSetRows.SEASON_COLUMNS;
import static io.freecast.catalog.jdbc.internal.ResultSetRows.SOURCE_COLUMNS;

/**
 * Seasons with their episodes and sources, rebuilt from the flat rows of
 * {@code season LEFT JOIN episode LEFT JOIN source}, ordered by (season number, episode number, source id):
 * one row per source, or per episode without sources, or per season without episodes. A season or
 * episode spans consecutive rows, so the tree is built in one pass.
 */
final class SeasonTreeRows {

    /** The columns of one row: {@link ResultSetRows#SEASON_COLUMNS}, then episode, then source. */
    static final List<Field<?>> COLUMNS = concat(SEASON_COLUMNS, EPISODE_COLUMNS, SOURCE_COLUMNS);

    private final ResultSetRows rows;
    private final int seasonAt;
    private final int episodeAt;
    private final int sourceAt;

    private final List<SeasonTree> seasons = new ArrayList<>();
    private Season season;
    private List<EpisodeTree> episodes;
    private Episode episode;
    private List<Source> sources;

    /** @param at the column (1-based) where {@link #COLUMNS} start */
    SeasonTreeRows(ResultSetRows rows, int at) {
        this.rows = rows;
        this.seasonAt = at;
        this.episodeAt = at + SEASON_COLUMNS.size();
        this.sourceAt = episodeAt + EPISODE_COLUMNS.size();
    }

    /** Adds the current row; a row of an owner without seasons (all columns null) adds nothing. */
    void add(ResultSet rs) throws SQLException {
        Long seasonId = ResultSetRows.nullableLong(rs, seasonAt);
        if (seasonId == null) {
            return;
        }
        if (season == null || season.id() != seasonId) {
            endSeason();
            season = rows.season(rs, seasonAt);
            episodes = new ArrayList<>();
        }
        Long episodeId = ResultSetRows.nullableLong(rs, episodeAt);
        if (episodeId == null) {
            return;
        }
        if (episode == null || episode.id() != episodeId) {
            endEpisode();
            episode = rows.episode(rs, episodeAt);
            sources = new ArrayList<>();
        }
        if (ResultSetRows.nullableLong(rs, sourceAt) != null) {
            sources.add(rows.source(rs, sourceAt));
        }
    }

    /** The seasons added so far, complete; starts over for the next owner. */
    List<SeasonTree> finish() {
        endSeason();
        List<SeasonTree> done = List.copyOf(seasons);
        seasons.clear();
        return done;
    }

    private void endEpisode() {
        if (episode != null) {
            episodes.add(new EpisodeTree(episode, season.number(), sources));
            episode = null;
        }
    }

    private void endSeason() {
        if (season != null) {
            endEpisode();
            seasons.add(new SeasonTree(season, episodes));
            season = null;
        }
    }

    @SafeVarargs
    static List<Field<?>> concat(List<Field<?>>... parts) {
        List<Field<?>> all = new ArrayList<>();
        for (List<Field<?>> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
