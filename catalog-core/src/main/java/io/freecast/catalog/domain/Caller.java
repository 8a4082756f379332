package io.freecast.catalog.domain;

import java.util.Objects;

/**
 * An authenticated caller: who it is and what it may do. Built by whatever authenticated it (a bearer
 * token, a web session, the local command line) and handed to every editing use-case.
 */
public record Caller(Actor actor, Scope scope) {

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(scope, "scope");
    }

    public boolean may(Scope needed) {
        return scope.includes(needed);
    }
}
