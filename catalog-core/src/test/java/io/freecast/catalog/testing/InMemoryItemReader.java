package io.freecast.catalog.testing;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.out.ItemReader;
import java.util.Optional;

/** Single seasons and episodes as their show's tree shows them, single sources by id. */
final class InMemoryItemReader implements ItemReader {

    private final InMemoryTransactions transactions;
    private final CatalogQueries queries;

    InMemoryItemReader(InMemoryTransactions transactions, CatalogQueries queries) {
        this.transactions = transactions;
        this.queries = queries;
    }

    @Override
    public Optional<SeasonTree> findSeason(long seasonId) {
        return transactions.read(tables -> Optional.ofNullable(tables.seasons.get(seasonId)))
                .flatMap(season -> queries.findShow(season.showId()))
                .flatMap(show -> show.seasons().stream().filter(s -> s.season().id() == seasonId).findFirst());
    }

    @Override
    public Optional<EpisodeTree> findEpisode(long episodeId) {
        return transactions.read(tables -> Optional.ofNullable(tables.episodes.get(episodeId))
                        .map(e -> tables.seasons.get(e.seasonId()).showId()))
                .flatMap(queries::findShow)
                .flatMap(show -> show.seasons().stream().flatMap(s -> s.episodes().stream())
                        .filter(e -> e.episode().id() == episodeId).findFirst());
    }

    @Override
    public Optional<Source> findSource(long sourceId) {
        return transactions.read(tables -> Optional.ofNullable(tables.sources.get(sourceId)));
    }
}
