package io.freecast.catalog.architecture.broken;

import io.freecast.catalog.architecture.broken.port.out.Repository;

/** Broken on purpose (see CoreRulesTest): a public root-package type that is not the front door. */
public class Everything {
    public Repository repository() {
        return null;
    }
}
