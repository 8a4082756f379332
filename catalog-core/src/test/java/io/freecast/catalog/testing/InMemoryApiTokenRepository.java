package io.freecast.catalog.testing;

import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.StoredAccount;
import io.freecast.catalog.port.out.TokenGrant;
import io.freecast.catalog.testing.AccessTables.TokenRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * API tokens in memory, as the database keeps them: found by hash with their account as it is now, listed
 * newest first, revoked once, last use written only when older than the stale mark.
 */
final class InMemoryApiTokenRepository implements ApiTokenRepository {

    private final InMemoryTransactions transactions;
    private final Sequence ids;

    InMemoryApiTokenRepository(InMemoryTransactions transactions, Sequence ids) {
        this.transactions = transactions;
        this.ids = ids;
    }

    @Override
    public ApiToken insert(long accountId, String label, Scope scope, String tokenHash, Instant createdAt,
                           Instant expiresAt) {
        return transactions.write(tables -> {
            StoredAccount account = tables.access.accounts.get(accountId);
            if (account == null) {
                throw new IllegalStateException("no account " + accountId + " (the database's foreign key)");
            }
            if (tables.access.tokens.values().stream().anyMatch(row -> row.hash().equals(tokenHash))) {
                throw new IllegalStateException("a token with this hash exists (the database's unique key)");
            }
            ApiToken token = new ApiToken(ids.next(), accountId, account.account().name(), label, scope,
                    millis(createdAt), null, millis(expiresAt), null);
            tables.access.tokens.put(token.id(), new TokenRow(token, tokenHash));
            return token;
        });
    }

    @Override
    public Optional<TokenGrant> findByHash(String tokenHash) {
        return transactions.read(tables -> tables.access.tokens.values().stream()
                .filter(row -> row.hash().equals(tokenHash)).findFirst().map(row -> grant(tables.access, row.token())));
    }

    @Override
    public Optional<TokenGrant> findById(long id) {
        return transactions.read(tables -> Optional.ofNullable(tables.access.tokens.get(id))
                .map(row -> grant(tables.access, row.token())));
    }

    @Override
    public List<ApiToken> list(Long accountId) {
        return transactions.read(tables -> tables.access.tokens.descendingMap().values().stream()
                .map(row -> grant(tables.access, row.token()).token())
                .filter(token -> accountId == null || token.accountId() == accountId).toList());
    }

    @Override
    public void revoke(long id, Instant at) {
        transactions.write(tables -> tables.access.tokens.computeIfPresent(id, (key, row) -> row.token().revokedAt() != null
                ? row : new TokenRow(with(row.token(), row.token().lastUsedAt(), millis(at)), row.hash())));
    }

    @Override
    public void recordUse(long id, Instant at, Instant staleBefore) {
        transactions.write(tables -> tables.access.tokens.computeIfPresent(id, (key, row) -> {
            Instant last = row.token().lastUsedAt();
            return last == null || last.isBefore(staleBefore)
                    ? new TokenRow(with(row.token(), millis(at), row.token().revokedAt()), row.hash()) : row;
        }));
    }

    /** The token with its account's name, role and state as they are now (the join the database does). */
    private static TokenGrant grant(AccessTables tables, ApiToken token) {
        StoredAccount account = tables.accounts.get(token.accountId());
        ApiToken current = new ApiToken(token.id(), token.accountId(), account.account().name(), token.label(),
                token.scope(), token.createdAt(), token.lastUsedAt(), token.expiresAt(), token.revokedAt());
        return new TokenGrant(current, account.account().role(), account.account().enabled());
    }

    private static ApiToken with(ApiToken t, Instant lastUsedAt, Instant revokedAt) {
        return new ApiToken(t.id(), t.accountId(), t.accountName(), t.label(), t.scope(), t.createdAt(), lastUsedAt,
                t.expiresAt(), revokedAt);
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
