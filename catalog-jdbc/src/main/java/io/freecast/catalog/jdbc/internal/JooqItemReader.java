package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.out.ItemReader;
import java.util.Optional;
import org.jooq.DSLContext;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * Single seasons and episodes, read as part of their show's tree (the read side's one-statement tree
 * query, after one lookup of the show's id), and single sources by id. Reads join the thread's transaction.
 */
final class JooqItemReader implements ItemReader {

    private final DSLContext dsl;
    private final CatalogQueries queries;

    JooqItemReader(DSLContext dsl, CatalogQueries queries) {
        this.dsl = dsl;
        this.queries = queries;
    }

    @Override
    public Optional<SeasonTree> findSeason(long seasonId) {
        return dsl.select(SEASON.SHOW_ID).from(SEASON).where(SEASON.ID.eq(seasonId)).fetchOptional(r -> r.value1())
                .flatMap(queries::findShow)
                .flatMap(show -> show.seasons().stream().filter(s -> s.season().id() == seasonId).findFirst());
    }

    @Override
    public Optional<EpisodeTree> findEpisode(long episodeId) {
        return dsl.select(SEASON.SHOW_ID).from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .where(EPISODE.ID.eq(episodeId)).fetchOptional(r -> r.value1())
                .flatMap(queries::findShow)
                .flatMap(show -> show.seasons().stream()
                        .flatMap(season -> season.episodes().stream())
                        .filter(e -> e.episode().id() == episodeId).findFirst());
    }

    @Override
    public Optional<Source> findSource(long sourceId) {
        return dsl.selectFrom(SOURCE).where(SOURCE.ID.eq(sourceId)).fetchOptional(Rows::source);
    }
}
