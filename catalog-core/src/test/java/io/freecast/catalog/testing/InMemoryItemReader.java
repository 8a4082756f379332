package io.freecast.catalog.testing;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.out.ItemReader;
import java.util.Optional;

/**
 * Single seasons and episodes, read as part of their show's tree (as the read side shows it), and single
 * sources by id. Inside a transaction, reads see its writes.
 */
final class InMemoryItemReader implements ItemReader {

    private final InMemoryTransactions transactions;
    private final CatalogQueries queries;

    InMemoryItemReader(InMemoryTransactions transactions, CatalogQueries queries) {
        this.transactions = transactions;
        this.queries = queries;
    }

    @Override
    public Optional<SeasonTree> findSeason(long seasonId) {
        return showOfSeason(seasonId).flatMap(queries::findShow)
                .flatMap(show -> show.seasons().stream().filter(s -> s.season().id() == seasonId).findFirst());
    }

    @Override
    public Optional<EpisodeTree> findEpisode(long episodeId) {
        return transactions.read(tables -> Optional.ofNullable(tables.episodes.get(episodeId)))
                .flatMap(episode -> showOfSeason(episode.seasonId()))
                .flatMap(queries::findShow)
                .flatMap(show -> show.seasons().stream().flatMap(season -> season.episodes().stream())
                        .filter(e -> e.episode().id() == episodeId).findFirst());
    }

    @Override
    public Optional<Source> findSource(long sourceId) {
        return transactions.read(tables -> Optional.ofNullable(tables.sources.get(sourceId)));
    }

    private Optional<Long> showOfSeason(long seasonId) {
        return transactions.read(tables -> Optional.ofNullable(tables.seasons.get(seasonId)).map(Season::showId));
    }
}
