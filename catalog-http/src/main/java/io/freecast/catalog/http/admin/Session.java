package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Scope;
import java.time.Instant;

/**
 * A signed-in person's session as the server keeps it (never sent to the browser; the cookie holds only
 * its random id).
 *
 * @param csrfToken   the synchronizer token every form that changes something must carry back
 * @param lastSeen    the last request's time: the idle timeout counts from it
 * @param checkedAt   when the caller was last re-checked against the accounts (disabled, role changed)
 */
record Session(String idHash, Caller caller, String csrfToken, Instant lastSeen, Instant checkedAt) {

    boolean may(Scope scope) {
        return caller.may(scope);
    }

    String name() {
        return caller.actor().name();
    }

    Session seenAt(Instant now) {
        return new Session(idHash, caller, csrfToken, now, checkedAt);
    }

    Session checked(Caller current, Instant now) {
        return new Session(idHash, current, csrfToken, now, now);
    }
}
