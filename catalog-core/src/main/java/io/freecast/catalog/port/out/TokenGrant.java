package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.Role;
import java.util.Objects;

/**
 * A stored token and its account as they are at the moment of reading: all that deciding whether the
 * token may act, and with what scope, needs, read in one go.
 */
public record TokenGrant(ApiToken token, Role accountRole, boolean accountEnabled) {

    public TokenGrant {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(accountRole, "accountRole");
    }
}
