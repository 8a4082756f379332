package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Versioned;

/**
 * Undoes the lock a hand edit put on a field, so the next import (or, for {@code is_active}, the next link
 * check) sets it again. The field keeps its value until then. Needs the {@code edit} scope; audited.
 */
public interface UnlockFieldUseCase {

    /**
     * @param field a lockable field's wire name ({@code title}, {@code imdb_rating}, {@code is_active}…);
     *              unlocking a field that is not locked changes nothing and is not an error
     * @return the item as stored after the change
     * @throws InvalidEditException  when {@code field} is not a field of that kind of item that can be locked
     * @throws ItemNotFoundException when the item does not exist
     * @throws EditConflictException when {@code expected} does not match the item as stored now
     */
    <T> T unlock(Caller caller, ItemRef<T> item, Versioned<T> expected, String field);
}
