package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where API tokens are kept: by the SHA-256 of their value, never the value itself. Writes join the
 * caller's {@link Transactions transaction}.
 */
public interface ApiTokenRepository {

    /** @param tokenHash the lowercase hex SHA-256 of the token's value; unique */
    ApiToken insert(long accountId, String label, Scope scope, String tokenHash, Instant createdAt,
                    Instant expiresAt);

    /** The token whose value hashes to {@code tokenHash}, with its account as it is now. */
    Optional<TokenGrant> findByHash(String tokenHash);

    /** The token with this id, with its account as it is now. */
    Optional<TokenGrant> findById(long id);

    /** Tokens newest first: of one account, or of all when {@code accountId} is {@code null}. */
    List<ApiToken> list(Long accountId);

    /** Marks the token revoked at {@code at}, unless it already is. */
    void revoke(long id, Instant at);

    /**
     * Sets the token's last use to {@code at} when it has none or an older one than {@code staleBefore}: one
     * conditional statement, so busy tokens are written about once a {@code at - staleBefore}, also with
     * several nodes.
     */
    void recordUse(long id, Instant at, Instant staleBefore);
}
