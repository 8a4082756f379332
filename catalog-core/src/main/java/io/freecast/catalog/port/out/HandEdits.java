package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;

/**
 * Writing single items as a person changes them. Every method joins the caller's
 * {@link Transactions transaction}; the editing use-cases call them only inside one, after {@link #lock}.
 *
 * <p>Values are written as given: the use-cases have validated them. An insert ignores the item's id and
 * answers the new one; an update writes every editable field, the locked fields and (for shows and movies)
 * {@code updatedAt}, and never an identity a feed matches on except the number of a season or episode
 * and the URL of a source.
 */
public interface HandEdits {

    /**
     * Locks the row at the root of {@code item}'s tree — its show or its movie — until the transaction ends,
     * so conditional writes to one tree happen one after the other and each reads what the one before
     * wrote. Call it before reading the item a conditional write checks.
     *
     * @return false when the item does not exist (nothing is locked)
     */
    boolean lock(ItemRef<?> item);

    /** Whether the item was created by hand (true) or by an import (false); false when it does not exist. */
    boolean addedByHand(ItemRef<?> item);

    /**
     * Marks a season, episode or source as the hand's: a feed's item a person renumbered or re-pointed, so
     * imports no longer treat it as theirs (they never remove a source added by hand).
     */
    void claimByHand(ItemRef<?> item);

    long insertShow(Show show);

    void updateShow(Show show);

    void deleteShow(long showId);

    /** Inserts a season created by hand under {@link Season#showId()}. */
    long insertSeason(Season season);

    void updateSeason(Season season);

    void deleteSeason(long seasonId);

    /** Inserts an episode created by hand under {@link Episode#seasonId()}. */
    long insertEpisode(Episode episode);

    void updateEpisode(Episode episode);

    void deleteEpisode(long episodeId);

    long insertMovie(Movie movie);

    void updateMovie(Movie movie);

    void deleteMovie(long movieId);

    /** Inserts a source added by hand for its owner, with its {@code active} flag and no check state. */
    long insertSource(Source source);

    /** Writes the URL, type, provider, active flag and locked fields (never the check state). */
    void updateSource(Source source);

    void deleteSource(long sourceId);
}
