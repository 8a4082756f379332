package io.freecast.catalog.architecture.broken.application;

import io.freecast.catalog.architecture.broken.Everything;
import io.freecast.catalog.architecture.broken.port.in.DoSomething;

/** Broken on purpose (see CoreRulesTest): a public service that takes the aggregate. */
public class ExposedService implements DoSomething {
    private final Everything everything;

    public ExposedService(Everything everything) {
        this.everything = everything;
    }

    @Override
    public void doIt() {
        everything.repository().save();
    }
}
