package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Source;
import java.util.Optional;

/**
 * Single seasons, episodes and sources by id: what an editor reads before changing one (and what its
 * {@link io.freecast.catalog.domain.Versioned} is computed from). Shows and movies are read through
 * {@link CatalogQueries}. Reads carry no scope, like the rest of the read side.
 */
public interface ItemQueries {

    Optional<SeasonTree> findSeason(long seasonId);

    Optional<EpisodeTree> findEpisode(long episodeId);

    Optional<Source> findSource(long sourceId);

    /**
     * Whether deleting the item now would leave a tombstone (README, "Locks and tombstones"): it came from a
     * feed, so the tombstone keeps the next import from bringing it back. {@code false} for an item created by
     * hand (imports never touch it) and for one that does not exist. What a confirmation page says before a
     * delete.
     */
    boolean deletionLeavesTombstone(ItemRef<?> item);
}
