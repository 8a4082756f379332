package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.Versioned;

/**
 * Creating, changing and deleting episodes by hand; the contract of {@link EditMoviesUseCase}. An episode
 * number already taken in the season is reported on {@code number}.
 */
public interface EditEpisodesUseCase {

    /**
     * @throws ItemNotFoundException when the season does not exist
     * @return the episode as stored (no sources yet)
     */
    EpisodeTree createEpisode(Caller caller, long seasonId, EpisodeFields episode);

    EpisodeTree changeEpisode(Caller caller, long episodeId, Versioned<EpisodeTree> expected, EpisodeFields changes);

    /** Deletes the episode with its sources. */
    void deleteEpisode(Caller caller, long episodeId, Versioned<EpisodeTree> expected);
}
