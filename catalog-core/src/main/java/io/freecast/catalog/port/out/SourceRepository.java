package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import java.util.List;

/** The link-check side of stream sources. */
public interface SourceRepository {

    /** Lists sources by id after {@code afterId} (0 for the start): a keyset walk over every source. */
    List<Source> listAfter(long afterId, int limit);

    /** Stores the outcome of many checks in one batch. */
    void saveChecks(List<SourceCheck> checks);

    /** The new state of one source after a check. */
    record SourceCheck(long sourceId, boolean active, LinkState state) {
    }
}
