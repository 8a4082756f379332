package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.out.ItemReader;
import java.util.Optional;

/**
 * Single seasons, episodes and sources by id, read by the read side's statements (one each, rendered once,
 * read by position like a show's tree), so they join the thread's transaction like every read.
 */
final class JooqItemReader implements ItemReader {

    private final JooqCatalogQueries queries;

    JooqItemReader(JooqCatalogQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<SeasonTree> findSeason(long seasonId) {
        return queries.findSeason(seasonId);
    }

    @Override
    public Optional<EpisodeTree> findEpisode(long episodeId) {
        return queries.findEpisode(episodeId);
    }

    @Override
    public Optional<Source> findSource(long sourceId) {
        return queries.findSource(sourceId);
    }
}
