package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Versioned;

/**
 * Creating, changing and deleting seasons by hand; the contract of {@link EditMoviesUseCase}. A season
 * number already taken in the show is reported on {@code number}.
 */
public interface EditSeasonsUseCase {

    /**
     * @throws ItemNotFoundException when the show does not exist
     * @return the season as stored (no episodes yet)
     */
    SeasonTree createSeason(Caller caller, long showId, SeasonFields season);

    SeasonTree changeSeason(Caller caller, long seasonId, Versioned<SeasonTree> expected, SeasonFields changes);

    /** Deletes the season with its episodes and their sources. */
    void deleteSeason(Caller caller, long seasonId, Versioned<SeasonTree> expected);
}
