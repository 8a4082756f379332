package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.IssuedToken;
import io.freecast.catalog.domain.NewToken;
import java.util.List;

/**
 * Managing API tokens: the CLI's {@code tokens} commands, the admin's and the API's token routes. A caller
 * with the {@code admin} scope manages every account's tokens; a person signed in with a password manages
 * their own account's. Every change is recorded in the audit trail (entity {@code token}; never the value).
 *
 * <p>A token's value is random (32 bytes from a strong generator, base64url, after the recognisable prefix
 * {@link #TOKEN_PREFIX}); it is returned once by {@link #createToken} and stored only as its SHA-256 hash.
 *
 * @throws NotPermittedException  (every method) when the caller may not manage that account's tokens
 * @throws ItemNotFoundException  when the named account or token does not exist
 * @throws InvalidEditException   listing every rule broken (HTTP 422): label 1–100 printable characters,
 *                                scope at most the account's role's, expiry in the future, account enabled
 */
public interface TokenAdministration {

    /** What every token value starts with, so a leaked one is recognisable (secret scanners, logs). */
    String TOKEN_PREFIX = "cat_";

    /** Creates a token; the result carries its value, which is never available again. */
    IssuedToken createToken(Caller caller, NewToken request);

    /**
     * Tokens, newest first: of the account named, or of every account when {@code accountName} is
     * {@code null} (admin scope). Revoked and expired tokens stay listed, with their status.
     */
    List<ApiToken> listTokens(Caller caller, String accountName);

    /** Revokes a token: it is refused from now on. Revoking a revoked token changes nothing. */
    ApiToken revokeToken(Caller caller, long tokenId);
}
