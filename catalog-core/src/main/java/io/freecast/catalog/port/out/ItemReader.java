package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Source;
import java.util.Optional;

/**
 * Single seasons, episodes and sources by id, as the read side shows them (with locked fields). Inside a
 * transaction, reads see its writes.
 */
public interface ItemReader {

    Optional<SeasonTree> findSeason(long seasonId);

    Optional<EpisodeTree> findEpisode(long episodeId);

    Optional<Source> findSource(long sourceId);
}
