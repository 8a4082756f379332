package io.freecast.catalog.port.out;

import java.time.Instant;
import java.util.List;

/** The ratings side of shows and movies. */
public interface RatingRepository {

    /**
     * Lists titles not rated since {@code ratedBefore} (or never), shows before movies, each by id,
     * starting after {@code after} ({@code null} for the start): a keyset walk that never repeats or skips.
     */
    List<RatingTarget> listDue(Instant ratedBefore, RatingTarget after, int limit);

    /** Writes the ratings of many titles in one batch and stamps them as rated at {@code ratedAt}. */
    void saveAll(List<RatingUpdate> updates);

    /**
     * New ratings for one title; {@code null} ratings are stored as unknown.
     */
    record RatingUpdate(RatingTarget.TitleKind kind, long id, RatingTarget.RatingPair ratings, Instant ratedAt) {
    }
}
