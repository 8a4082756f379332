package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import io.freecast.catalog.port.in.TooManyAttemptsException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sends a request, from its {@code Authorization: Bearer <token>} header (RFC 6750), through the core's
 * {@link Authentication}: the caller, or a problem.
 *
 * <ul>
 *   <li>no token, or a token not accepted (unknown, revoked, expired, its account disabled — the answer never
 *       says which): 401 with {@code WWW-Authenticate: Bearer};</li>
 *   <li>a client address that failed too often lately: 429 with {@code Retry-After}, the token not even
 *       looked at (the core throttles per address and records the failures);</li>
 *   <li>a token whose scope is too small for the route: 403 ({@code error="insufficient_scope"}).</li>
 * </ul>
 *
 * Routes check here before they read a body or an item, so a caller without the scope learns nothing about
 * what exists. The use-cases check the scope again themselves.
 */
final class BearerAuthentication {

    static final String CHALLENGE = "Bearer realm=\"catalog\"";

    private final Authentication authentication;

    BearerAuthentication(Authentication authentication) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
    }

    /**
     * The caller, if it may do what {@code needed} allows.
     *
     * @throws ApiProblem 401, 403 or 429 as above
     */
    Caller require(ApiRequest request, Scope needed) {
        Optional<String> token = request.header("Authorization").flatMap(BearerAuthentication::bearerToken);
        if (token.isEmpty()) {
            throw ApiProblem.of(401, "this needs a bearer token: send 'Authorization: Bearer <token>'")
                    .header("WWW-Authenticate", CHALLENGE);
        }
        Caller caller;
        try {
            caller = authentication.authenticateToken(token.get(), request.clientAddress(), Channel.API);
        } catch (TooManyAttemptsException e) {
            throw ApiProblem.of(429, "too many failed authentications from this address; try again in "
                    + e.retryAfterSeconds() + " s").header("Retry-After", Long.toString(e.retryAfterSeconds()));
        } catch (AuthenticationFailedException e) {
            throw ApiProblem.of(401, "the bearer token was not accepted")
                    .header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"");
        }
        if (!caller.may(needed)) {
            throw insufficientScope(caller.scope(), needed);
        }
        return caller;
    }

    /** @param held the caller's scope, or {@code null} when the core refused without saying */
    static ApiProblem insufficientScope(Scope held, Scope needed) {
        return ApiProblem.of(403, "this needs a token with the " + needed.wireName() + " scope"
                        + (held == null ? "" : "; this one has " + held.wireName()))
                .header("WWW-Authenticate", CHALLENGE + ", error=\"insufficient_scope\", scope=\"" + needed.wireName() + "\"");
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive). */
    static Optional<String> bearerToken(String header) {
        String value = header.strip();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
