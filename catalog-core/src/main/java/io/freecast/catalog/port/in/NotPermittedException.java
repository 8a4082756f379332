package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Scope;

/**
 * The caller is authenticated but its scope is too small for what it asked (HTTP 403). The use-cases check
 * the scope themselves, so an adapter that forgets a check cannot open a hole.
 */
public class NotPermittedException extends RuntimeException {

    private final Scope needed;

    public NotPermittedException(Caller caller, Scope needed) {
        super(caller.actor().label() + " has the " + caller.scope().wireName() + " scope; this needs "
                + needed.wireName());
        this.needed = needed;
    }

    public Scope needed() {
        return needed;
    }
}
