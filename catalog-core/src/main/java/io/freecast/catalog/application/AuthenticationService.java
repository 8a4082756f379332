package io.freecast.catalog.application;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.AccountNames;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import io.freecast.catalog.port.in.TooManyAttemptsException;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.port.out.StoredAccount;
import io.freecast.catalog.port.out.TokenGrant;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs accounts in and checks bearer tokens, behind the throttle. Nothing is cached: every token check
 * reads the token and its account, so a revoke or a disabled account takes effect on the next request.
 */
final class AuthenticationService implements Authentication {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationService.class);

    /** A presented token longer than this is refused without hashing it (a 10 MB header costs nothing). */
    static final int MAX_PRESENTED_TOKEN_LENGTH = 4096;
    /** {@code last_used} is written at most once a minute per token: a busy token does not write per request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /** What a sign-in refused because every derivation slot was busy is told to wait. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final AccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final Transactions transactions;
    private final SecurityAudit audit;
    private final PasswordHasher hasher;
    private final FailureThrottle throttle;
    private final BootstrapToken bootstrap;
    private final Clock clock;

    AuthenticationService(AccountRepository accounts, ApiTokenRepository tokens, Transactions transactions,
                          SecurityAudit audit, PasswordHasher hasher, FailureThrottle throttle,
                          BootstrapToken bootstrap, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.transactions = transactions;
        this.audit = audit;
        this.hasher = hasher;
        this.throttle = throttle;
        this.bootstrap = bootstrap;
        this.clock = clock;
    }

    @Override
    public Caller authenticateToken(String token, String clientAddress, Channel channel) {
        String address = ClientAddressKey.of(clientAddress);
        String addressKey = "token-address:" + address;
        Actor anonymous = Actor.anonymous(address, channel);
        // Only failures count for tokens (see FailureThrottle#check): a client's parallel requests with a good
        // token never throttle it.
        refuseIfThrottled(throttle.check(List.of(addressKey)), anonymous, SecurityAudit.TOKEN);
        String presented = token == null ? "" : token.strip();
        if (presented.isEmpty() || presented.length() > MAX_PRESENTED_TOKEN_LENGTH) {
            throw tokenRefused(addressKey, anonymous, 0, "unknown token");
        }
        if (bootstrap != null && bootstrap.matches(presented)) {
            return new Caller(Actor.bootstrapToken(channel), Scope.ADMIN);
        }
        if (!TokenSecrets.looksLikeToken(presented)) {
            throw tokenRefused(addressKey, anonymous, 0, "unknown token");
        }
        Optional<TokenGrant> found = tokens.findByHash(TokenSecrets.hash(presented));
        if (found.isEmpty()) {
            throw tokenRefused(addressKey, anonymous, 0, "unknown token");
        }
        TokenGrant grant = found.get();
        Instant now = clock.instant();
        Optional<String> refusal = refusal(grant, now);
        if (refusal.isPresent()) {
            throw tokenRefused(addressKey, anonymous, grant.token().id(), refusal.get());
        }
        recordUse(grant.token(), now);
        return tokenCaller(grant, channel);
    }

    @Override
    public Caller signIn(String accountName, String password, String clientAddress, Channel channel) {
        String address = ClientAddressKey.of(clientAddress);
        String addressKey = "login-address:" + address;
        Actor anonymous = Actor.anonymous(address, channel);
        boolean plausibleName = accountName != null && AccountNames.problem(accountName).isEmpty();
        String accountKey = plausibleName ? "account:" + AccountNames.key(accountName) : null;
        List<String> keys = accountKey == null ? List.of(addressKey) : List.of(accountKey, addressKey);
        refuseIfThrottled(throttle.attempt(keys), anonymous, SecurityAudit.LOGIN);

        String given = password == null ? "" : password;
        Verified verified;
        try {
            verified = verify(accountName, plausibleName, given, anonymous);
        } catch (HashingBusyException busy) {
            // Not a failure of these credentials: the attempt is taken back and the caller asked to come back.
            keys.forEach(throttle::succeeded);
            throw new TooManyAttemptsException(BUSY_RETRY);
        }
        Account account = verified.account();
        throttle.reset(accountKey);
        throttle.succeeded(addressKey);
        Actor actor = Actor.account(account.id(), account.name(), channel);
        String rehashed = verified.needsRehash() ? rehash(given) : null;
        transactions.inInteractiveTransaction(() -> {
            if (rehashed != null) {
                accounts.updatePasswordHash(account.id(), rehashed);
            }
            accounts.recordSignIn(account.id(), clock.instant());
            audit.record(actor, SecurityAudit.LOGIN, account.id(), "sign_in", null, "succeeded from " + address);
            return null;
        });
        return new Caller(actor, account.role().scope());
    }

    /** An account whose password matched, and whether its hash is of an older work factor. */
    private record Verified(Account account, boolean needsRehash) {
    }

    /**
     * Checks the password, refusing every failure with the same answer after the same work: one derivation
     * at the current factor, whether the account is unknown, disabled or the password wrong.
     *
     * @throws HashingBusyException when no derivation slot came free in time (nothing was decided)
     */
    private Verified verify(String accountName, boolean plausibleName, String given, Actor anonymous) {
        if (given.length() > CredentialRules.MAX_PASSWORD_LENGTH * 2) {
            // Never a valid password; the dummy verification keeps the answer's cost the same as any failure.
            hasher.verifyAgainstDummy(given.substring(0, CredentialRules.MAX_PASSWORD_LENGTH));
            throw refused(anonymous, SecurityAudit.LOGIN, 0, "sign_in", "password too long");
        }
        Optional<StoredAccount> found = plausibleName ? accounts.findByName(accountName) : Optional.empty();
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(given);
            throw refused(anonymous, SecurityAudit.LOGIN, 0, "sign_in", "unknown account");
        }
        Account account = found.get().account();
        // The password is verified before the account's state is looked at, so a disabled account costs the
        // same work as an enabled one and answers the same.
        PasswordHasher.Verification verification = hasher.verify(given, found.get().passwordHash());
        if (verification == PasswordHasher.Verification.NO_MATCH) {
            throw refused(anonymous, SecurityAudit.LOGIN, account.id(), "sign_in", "wrong password");
        }
        if (!account.enabled()) {
            throw refused(anonymous, SecurityAudit.LOGIN, account.id(), "sign_in", "account disabled");
        }
        return new Verified(account, verification == PasswordHasher.Verification.MATCH_NEEDS_REHASH);
    }

    /** A hash at the current factor, or null when the hasher is too busy now: the next sign-in tries again. */
    private String rehash(String password) {
        try {
            return hasher.hash(password);
        } catch (HashingBusyException busy) {
            return null;
        }
    }

    @Override
    public Caller revalidate(Caller caller) {
        Actor actor = caller.actor();
        return switch (actor.kind()) {
            case ACCOUNT -> accounts.findById(actor.id())
                    .map(StoredAccount::account)
                    .filter(Account::enabled)
                    .map(account -> new Caller(actor, account.role().scope()))
                    .orElseThrow(AuthenticationFailedException::new);
            case TOKEN -> tokens.findById(actor.id())
                    .filter(grant -> refusal(grant, clock.instant()).isEmpty())
                    .map(grant -> tokenCaller(grant, actor.channel()))
                    .orElseThrow(AuthenticationFailedException::new);
            case BOOTSTRAP_TOKEN -> {
                if (bootstrap == null) {
                    throw new AuthenticationFailedException();
                }
                yield caller;
            }
            case OPERATOR, SYSTEM -> caller;
            case ANONYMOUS -> throw new AuthenticationFailedException();
        };
    }

    /** Refuses an attempt the throttle refused, recording the first refusal of a series. */
    private void refuseIfThrottled(FailureThrottle.Verdict verdict, Actor anonymous, String entity) {
        if (verdict.allowed()) {
            return;
        }
        if (verdict.firstRefusal()) {
            audit.refusal(anonymous, entity, 0, entity.equals(SecurityAudit.LOGIN) ? "sign_in" : "authenticate",
                    "throttled for " + new TooManyAttemptsException(verdict.retryAfter()).retryAfterSeconds() + " s");
        }
        throw new TooManyAttemptsException(verdict.retryAfter());
    }

    /** Records a failed attempt (its count is already in the throttle) and makes the one answer every failure gets. */
    private AuthenticationFailedException refused(Actor anonymous, String entity, long entityId, String field,
                                                  String reason) {
        audit.refusal(anonymous, entity, entityId, field, "refused: " + reason);
        return new AuthenticationFailedException();
    }

    /** A failed token check: counted against the address, recorded, and answered like every other. */
    private AuthenticationFailedException tokenRefused(String addressKey, Actor anonymous, long tokenId, String reason) {
        throttle.failed(List.of(addressKey));
        return refused(anonymous, SecurityAudit.TOKEN, tokenId, "authenticate", reason);
    }

    private static Optional<String> refusal(TokenGrant grant, Instant now) {
        if (!grant.accountEnabled()) {
            return Optional.of("account disabled");
        }
        return switch (grant.token().status(now)) {
            case ACTIVE -> Optional.empty();
            case EXPIRED -> Optional.of("expired");
            case REVOKED -> Optional.of("revoked");
        };
    }

    /** A token acts with its own scope, never above what its account's role allows now. */
    private static Caller tokenCaller(TokenGrant grant, Channel channel) {
        ApiToken token = grant.token();
        Scope roleScope = grant.accountRole().scope();
        Scope scope = token.scope().compareTo(roleScope) <= 0 ? token.scope() : roleScope;
        return new Caller(Actor.token(token.id(), token.accountName(), token.label(), channel), scope);
    }

    /**
     * Notes the token's use, at most once per {@link #LAST_USED_RESOLUTION}. Bookkeeping, not the caller's
     * request: when the storage cannot take the write now (another long write holds it, or it is away), the
     * token still works and a later use records it — a reader is not turned away for its token's last-use date.
     */
    private void recordUse(ApiToken token, Instant now) {
        Instant staleBefore = now.minus(LAST_USED_RESOLUTION);
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(staleBefore)) {
            try {
                transactions.inInteractiveTransaction(() -> {
                    tokens.recordUse(token.id(), now, staleBefore);
                    return null;
                });
            } catch (StorageUnavailableException e) {
                LOG.debug("token {}'s last use was not recorded now: {}", token.id(), e.getMessage());
            }
        }
    }
}
