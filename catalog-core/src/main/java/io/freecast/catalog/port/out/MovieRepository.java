package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.MovieDraft;
import java.util.List;

/** Where imported movies are kept. Writes join the caller's {@link Transactions transaction}, if any. */
public interface MovieRepository {

    /**
     * Inserts or updates each movie by its {@link io.freecast.catalog.domain.FeedKey}, in one batch.
     * A movie's sources are made to match the draft (added, removed; a staying URL keeps its check
     * state). Nothing is written, and no timestamp moves, for a movie whose draft matches what is stored.
     *
     * <p>Hand edits win: a field locked by hand ({@link io.freecast.catalog.domain.Movie#lockedFields()},
     * a source's {@code source_type} or {@code provider}) keeps its value, and a movie the feed would have
     * changed there is counted in {@code tally} as locked. A source added by hand is never removed; a
     * source URL with a {@link Tombstones tombstone} under its movie is not re-created (counted as
     * suppressed). Which movies are tombstoned is the caller's business ({@link Tombstones#feedKeys}).
     *
     * @return one outcome per draft, in the drafts' order
     */
    List<UpsertOutcome> upsertAll(List<MovieDraft> movies, UpsertTally tally);

    /** {@link #upsertAll(List, UpsertTally)}, not counting what hand edits held back. */
    default List<UpsertOutcome> upsertAll(List<MovieDraft> movies) {
        return upsertAll(movies, new UpsertTally());
    }
}
