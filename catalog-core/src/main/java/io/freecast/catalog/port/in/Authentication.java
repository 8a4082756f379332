package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;

/**
 * Who is calling: turns a bearer token, or an account name and password, into a {@link Caller}. The JSON
 * API authenticates every write (and every read when reads are private) through it; the web admin signs
 * people in through it.
 *
 * <p>Every answer is read from storage when it is asked for: a token revoked, expired, or whose account
 * was disabled a moment ago is refused now, on every node. A token acts with its own scope, capped by its
 * account's current role.
 *
 * <p>Failures are throttled per account name and per client address: after a few failures each further
 * one makes the next attempt wait longer, up to a cap, and an attempt made while waiting is refused with
 * {@link TooManyAttemptsException} without being checked. Failures and sign-ins are recorded in the audit
 * trail (never the password or the token). An unknown account, a wrong password and a disabled account
 * get the same answer after the same work, so nobody learns which names exist.
 *
 * <p>{@code clientAddress} is the address throttling counts under (the peer's IP address as text, or the
 * address a trusted proxy reported); {@code null} when there is none (an in-process caller).
 */
public interface Authentication {

    /**
     * The caller behind {@code Authorization: Bearer <token>}: an account's API token, or the bootstrap admin
     * token the catalog was built with.
     *
     * @throws TooManyAttemptsException      when this address must wait before trying again (HTTP 429)
     * @throws AuthenticationFailedException when the token is unknown, revoked, expired or its account is
     *                                       disabled (HTTP 401); the message never says which
     */
    Caller authenticateToken(String token, String clientAddress, Channel channel);

    /**
     * Signs an account in with its password. A correct password hashed with an older work factor is
     * re-hashed with the current one.
     *
     * @throws TooManyAttemptsException      when this account name or address must wait (HTTP 429)
     * @throws AuthenticationFailedException when the name is unknown, the password wrong or the account
     *                                       disabled (HTTP 401); the message never says which
     */
    Caller signIn(String accountName, String password, String clientAddress, Channel channel);

    /**
     * Checks a caller authenticated earlier (a web session's) against storage as it is now, for callers
     * that keep one between requests: the same caller with its account's current role, or a refusal when
     * its account was disabled or removed, or its token revoked or expired since.
     *
     * @throws AuthenticationFailedException when the caller may no longer act
     */
    Caller revalidate(Caller caller);
}
