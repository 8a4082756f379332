package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import java.util.List;

/** Where imported shows are kept. Writes join the caller's {@link Transactions transaction}, if any. */
public interface ShowRepository {

    /**
     * Inserts or updates each show by its {@link io.freecast.catalog.domain.FeedKey}, in one batch.
     *
     * <p>Seasons upsert by number under their show and episodes by number under their season; an import
     * never deletes a season or an episode. The sources of each episode are made to match the draft:
     * new URLs are added, URLs no longer listed are removed, and the check state of a URL that stays is
     * kept. Nothing is written, and no timestamp moves, for a show whose draft matches what is stored.
     *
     * <p>Hand edits win: a field locked by hand (on the show, a season, an episode, or an episode's
     * source's {@code source_type} or {@code provider}) keeps its value, and a show the feed would have
     * changed there is counted in {@code tally} as locked. A source added by hand is never removed. A
     * season, episode or source URL with a {@link Tombstones tombstone} under its parent is not re-created
     * (each counted as suppressed), placeholder seasons included. Which shows are tombstoned is the caller's business ({@link Tombstones#feedKeys}).
     *
     * @param seasonsWhenNone the seasons to create for a show that has none, neither in its draft nor
     *                        stored (the reference's placeholder hierarchy); empty for none
     * @return one outcome per draft, in the drafts' order
     */
    List<UpsertOutcome> upsertAll(List<ShowDraft> shows, List<SeasonDraft> seasonsWhenNone, UpsertTally tally);

    /** {@link #upsertAll(List, List, UpsertTally)}, not counting what hand edits held back. */
    default List<UpsertOutcome> upsertAll(List<ShowDraft> shows, List<SeasonDraft> seasonsWhenNone) {
        return upsertAll(shows, seasonsWhenNone, new UpsertTally());
    }
}
