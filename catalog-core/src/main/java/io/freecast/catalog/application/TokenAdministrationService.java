package io.freecast.catalog.application;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.AccountNames;
import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.domain.IssuedToken;
import io.freecast.catalog.domain.NewToken;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.TokenAdministration;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.StoredAccount;
import io.freecast.catalog.port.out.TokenGrant;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Creates, lists and revokes API tokens, each change audited in the transaction that makes it. */
final class TokenAdministrationService implements TokenAdministration {

    private final AccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final Transactions transactions;
    private final SecurityAudit audit;
    private final TokenSecrets secrets;
    private final Clock clock;

    TokenAdministrationService(AccountRepository accounts, ApiTokenRepository tokens, Transactions transactions,
                               SecurityAudit audit, TokenSecrets secrets, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.transactions = transactions;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public IssuedToken createToken(Caller caller, NewToken request) {
        Permissions.requireAdminOrSelf(caller, request.accountName());
        return transactions.inInteractiveTransaction(() -> {
            Account account = findAccount(request.accountName());
            Instant now = clock.instant();
            List<FieldViolation> violations = new ArrayList<>(CredentialRules.labelViolations(request.label()));
            if (request.scope() == null) {
                violations.add(new FieldViolation("scope", "is required: read, edit or admin"));
            } else if (!account.role().scope().includes(request.scope())) {
                violations.add(new FieldViolation("scope", "may be at most " + account.role().scope().wireName()
                        + " for an account with the " + account.role().wireName() + " role"));
            }
            if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
                violations.add(new FieldViolation("expires_at", "must lie in the future"));
            }
            if (!account.enabled()) {
                violations.add(new FieldViolation("user", "the account is disabled"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidEditException(violations);
            }
            String secret = secrets.newToken();
            ApiToken token = tokens.insert(account.id(), request.label().strip(), request.scope(),
                    TokenSecrets.hash(secret), now, request.expiresAt());
            audit.record(caller, SecurityAudit.TOKEN, token.id(), "*", null, describe(token));
            return new IssuedToken(token, secret);
        });
    }

    @Override
    public List<ApiToken> listTokens(Caller caller, String accountName) {
        if (accountName == null) {
            Permissions.requireAdmin(caller);
            return tokens.list(null);
        }
        Permissions.requireAdminOrSelf(caller, accountName);
        return tokens.list(findAccount(accountName).id());
    }

    @Override
    public ApiToken revokeToken(Caller caller, long tokenId) {
        return transactions.inInteractiveTransaction(() -> {
            TokenGrant grant = tokens.findById(tokenId).orElse(null);
            if (grant == null) {
                // The same refusal whether the token is missing or someone else's, for a caller who is not an admin.
                Permissions.requireAdmin(caller);
                throw new ItemNotFoundException("token", tokenId);
            }
            ApiToken token = grant.token();
            Permissions.requireAdminOrSelf(caller, token.accountName());
            if (token.revokedAt() != null) {
                return token;
            }
            Instant now = clock.instant();
            tokens.revoke(token.id(), now);
            audit.record(caller, SecurityAudit.TOKEN, token.id(), "status", token.status(now).wireName(),
                    ApiToken.Status.REVOKED.wireName());
            return new ApiToken(token.id(), token.accountId(), token.accountName(), token.label(), token.scope(),
                    token.createdAt(), token.lastUsedAt(), token.expiresAt(), now);
        });
    }

    private Account findAccount(String name) {
        if (name == null || AccountNames.problem(name).isPresent()) {
            throw new ItemNotFoundException("no account has that name");
        }
        return accounts.findByName(name).map(StoredAccount::account)
                .orElseThrow(() -> new ItemNotFoundException("account " + name + " does not exist"));
    }

    private static String describe(ApiToken token) {
        return "account=" + token.accountName() + ", label=" + token.label() + ", scope=" + token.scope().wireName()
                + ", expires_at=" + (token.expiresAt() == null ? "never" : token.expiresAt().toString());
    }
}
