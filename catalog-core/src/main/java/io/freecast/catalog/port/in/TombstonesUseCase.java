package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;

/**
 * The items of feeds that were deleted by hand and that imports therefore do not bring back.
 */
public interface TombstonesUseCase {

    /**
     * Tombstones, newest first. Needs the {@code read} scope.
     */
    Page<Tombstone> listTombstones(Caller caller, TombstoneQuery query);

    /**
     * Removes a tombstone, so the next import re-creates the item from its feed (if the feed still lists
     * it). Needs the {@code edit} scope; audited.
     *
     * @throws ItemNotFoundException when there is no such tombstone
     */
    void restore(Caller caller, long tombstoneId);
}
