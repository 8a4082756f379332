package io.freecast.catalog.application;

import io.freecast.catalog.port.in.AccountAdministration;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.TokenAdministration;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.Transactions;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Accounts, tokens and authentication, built from the ports they need and sharing one password hasher and
 * one throttle (which remembers failures for all three); {@link UseCases#access} hands them out as ports.
 */
final class AccessServices {

    private final Authentication authentication;
    private final AccountAdministration accounts;
    private final TokenAdministration tokens;

    /**
     * @param bootstrapToken the operator's admin token, or {@code null} for none
     * @throws IllegalArgumentException when {@code bootstrapToken} is too short to be a secret (the message
     *                                  does not repeat it)
     */
    static AccessServices create(AccountRepository accounts, ApiTokenRepository tokens, AuditTrail auditTrail,
                                        Transactions transactions, Clock clock, String bootstrapToken) {
        return new AccessServices(accounts, tokens, auditTrail, transactions, clock, bootstrapToken,
                new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS, new SecureRandom()),
                new FailureThrottle(clock, FailureThrottle.Rules.DEFAULT));
    }

    AccessServices(AccountRepository accountRepository, ApiTokenRepository tokenRepository, AuditTrail auditTrail,
                   Transactions transactions, Clock clock, String bootstrapToken, PasswordHasher hasher,
                   FailureThrottle throttle) {
        BootstrapToken bootstrap = bootstrapToken == null ? null : BootstrapToken.of(bootstrapToken);
        SecurityAudit audit = new SecurityAudit(auditTrail, transactions, clock);
        this.authentication = new AuthenticationService(accountRepository, tokenRepository, transactions, audit,
                hasher, throttle, bootstrap, clock);
        this.accounts = new AccountAdministrationService(accountRepository, transactions, audit, hasher, clock);
        this.tokens = new TokenAdministrationService(accountRepository, tokenRepository, transactions, audit,
                new TokenSecrets(new SecureRandom()), clock);
    }

    /**
     * Checks an operator's bootstrap token without building anything, so a builder can refuse it at once.
     *
     * @throws IllegalArgumentException when it is too short to be a secret (the message does not repeat it)
     */
    static void checkBootstrapToken(String bootstrapToken) {
        if (bootstrapToken != null) {
            BootstrapToken.of(bootstrapToken);
        }
    }

    Authentication authentication() {
        return authentication;
    }

    AccountAdministration accounts() {
        return accounts;
    }

    TokenAdministration tokens() {
        return tokens;
    }
}
