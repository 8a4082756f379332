package io.freecast.catalog.architecture.broken.port.out;

import io.freecast.catalog.architecture.broken.port.in.Queries;

/** Broken on purpose (see CoreRulesTest): an outbound aggregate handing out a port and the inbound read side. */
public interface Storage {
    Repository repository();

    Queries queries();
}
