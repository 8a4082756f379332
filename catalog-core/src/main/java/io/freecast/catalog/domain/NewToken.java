package io.freecast.catalog.domain;

import java.time.Instant;

/**
 * A request for a new API token.
 *
 * @param accountName whose token it is
 * @param label       what it is for (its "name" on the command line and in JSON); 1–100 printable characters
 * @param scope       what it may do; at most the account's role's scope
 * @param expiresAt   when it stops working; {@code null} for never; must lie in the future
 */
public record NewToken(String accountName, String label, Scope scope, Instant expiresAt) {
}
