package io.freecast.catalog.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as it is listed: everything about it except its value, which is shown once when it is
 * created ({@link IssuedToken}) and kept only as a hash.
 *
 * @param id          the token's id (what {@code tokens revoke ID} takes)
 * @param accountId   the account it acts for
 * @param accountName that account's name
 * @param label       what its owner called it ("deploy script")
 * @param scope       what it may do; never more than its account's role allows at the time it is used
 * @param createdAt   when it was created
 * @param lastUsedAt  when it was last accepted, to the minute; {@code null} when never
 * @param expiresAt   when it stops working; {@code null} for never
 * @param revokedAt   when it was revoked; {@code null} while it is not
 */
public record ApiToken(long id, long accountId, String accountName, String label, Scope scope, Instant createdAt,
                       Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

    public enum Status {
        ACTIVE, EXPIRED, REVOKED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ApiToken {
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Revoked wins over expired: a revoked token was stopped on purpose. */
    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Status.EXPIRED;
        }
        return Status.ACTIVE;
    }
}
