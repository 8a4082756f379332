package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.Versioned;

/**
 * Adding, changing, switching on and off, and deleting stream sources by hand; the contract of
 * {@link EditMoviesUseCase}. A source added by hand stays when an import does not list it (imports only
 * remove sources that came from their feed). A URL already on the same movie or episode is reported on
 * {@code url}.
 */
public interface EditSourcesUseCase {

    /**
     * @throws ItemNotFoundException when the movie or episode does not exist
     * @return the source as stored
     */
    Source createSource(Caller caller, SourceOwner owner, SourceFields source);

    Source changeSource(Caller caller, long sourceId, Versioned<Source> expected, SourceFields changes);

    /**
     * Moves a source between active and inactive by hand, which locks {@code is_active}: link checks go on
     * recording the link's status but do not switch it back until the lock is removed.
     */
    Source setSourceActive(Caller caller, long sourceId, Versioned<Source> expected, boolean active);

    void deleteSource(Caller caller, long sourceId, Versioned<Source> expected);
}
