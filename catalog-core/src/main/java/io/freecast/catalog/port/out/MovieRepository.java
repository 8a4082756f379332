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
     * @return one outcome per draft, in the drafts' order
     */
    List<UpsertOutcome> upsertAll(List<MovieDraft> movies);
}
