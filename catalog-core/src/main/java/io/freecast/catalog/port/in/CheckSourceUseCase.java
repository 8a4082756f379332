package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Source;

/**
 * Checks one source's link now, by hand, instead of waiting for the next validate-sources run. The result is
 * recorded on the source exactly as a run would record it (status, error, consecutive failures, last check,
 * and the same rules for turning it off and on again — never while {@code is_active} is locked by hand), and
 * audited as a change by the caller. Needs the {@link io.freecast.catalog.domain.Scope#EDIT edit} scope, as
 * switching a source on or off by hand does.
 */
@FunctionalInterface
public interface CheckSourceUseCase {

    /**
     * Probes the source's URL (outside any transaction: a slow link holds no lock), then stores what it found.
     *
     * @return the source as stored after the check
     * @throws ItemNotFoundException  when the source does not exist, or was deleted while it was checked
     * @throws EditConflictException  when its URL was changed while it was checked (nothing is recorded: the
     *                                probe was of the old URL); {@link EditConflictException#current()} is the source
     * @throws NotPermittedException  when the caller may not edit
     */
    Source checkSource(Caller caller, long sourceId);
}
