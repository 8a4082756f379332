package io.freecast.catalog.port.out;

import java.net.URI;
import java.util.Collection;
import java.util.Map;

/** Checks whether stream URLs answer. */
public interface LinkChecker {

    /**
     * Probes every URL once, concurrently within the checker's limits, and returns when all are done.
     *
     * @return a probe for every distinct URL given
     */
    Map<URI, LinkProbe> probeAll(Collection<URI> urls);
}
