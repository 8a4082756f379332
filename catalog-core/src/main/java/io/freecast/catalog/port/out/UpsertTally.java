package io.freecast.catalog.port.out;

/**
 * What hand edits held back during one import, counted by the repositories as they upsert (an import's
 * report shows both). Not thread-safe: one import, one thread.
 */
public final class UpsertTally {

    private long locked;
    private long suppressed;

    /** A show or movie of which the feed would have changed at least one field locked by hand. */
    public void locked() {
        locked++;
    }

    /** A season, episode or source the feed lists but a person deleted (a tombstone): not re-created. */
    public void suppressed() {
        suppressed++;
    }

    public long lockedCount() {
        return locked;
    }

    public long suppressedCount() {
        return suppressed;
    }
}
