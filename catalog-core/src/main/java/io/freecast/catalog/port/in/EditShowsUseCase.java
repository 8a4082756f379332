package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Versioned;

/**
 * Creating, changing and deleting shows by hand (seasons: {@link EditSeasonsUseCase}). The same contract
 * as {@link EditMoviesUseCase}: {@code edit} scope, every broken rule reported, audited in the same
 * transaction, conditional on {@code expected}, fields changed by hand locked against imports, a feed's
 * show deleted by hand tombstoned.
 */
public interface EditShowsUseCase {

    /** @return the show as stored (no seasons yet) */
    ShowTree createShow(Caller caller, ShowFields show);

    /** @return the show as stored after the change, with its whole tree */
    ShowTree changeShow(Caller caller, long showId, Versioned<ShowTree> expected, ShowFields changes);

    /** Deletes the show with its seasons, episodes and sources. */
    void deleteShow(Caller caller, long showId, Versioned<ShowTree> expected);
}
