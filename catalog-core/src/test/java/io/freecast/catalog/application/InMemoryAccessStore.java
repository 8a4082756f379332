package io.freecast.catalog.application;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.AccountNames;
import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.StoredAccount;
import io.freecast.catalog.port.out.TokenGrant;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.port.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Accounts, tokens and the audit trail in memory, behaving as the storage contract says the database does
 * (names unique ignoring case, tokens found by hash with their account as it is now, conditional last use).
 * A transaction that throws leaves nothing of its writes behind, as a database's would.
 */
final class InMemoryAccessStore implements AccountRepository, AuditTrail, Transactions {

    /** The token repository, over the same rows and transactions. */
    final Tokens tokens = new Tokens();

    private record AccountRow(Account account, String hash) {
    }

    private Map<Long, AccountRow> accounts = new LinkedHashMap<>();
    private Map<Long, ApiToken> tokenRows = new LinkedHashMap<>();
    private Map<Long, String> tokenHashes = new LinkedHashMap<>();
    private List<AuditEntry> audit = new ArrayList<>();
    private long nextId = 1;
    private int depth;
    final AtomicInteger recordUseWrites = new AtomicInteger();

    /**
     * While set, a write someone waits on is refused as the SQLite store refuses it behind an import
     * ({@link Transactions#inInteractiveTransaction}); other transactions go ahead.
     */
    volatile boolean busyWithAnImport;

    // --- Transactions

    @Override
    public <T> T inInteractiveTransaction(Supplier<T> work) {
        if (busyWithAnImport && depth == 0) {
            throw new StorageUnavailableException("busy with an import", Duration.ofSeconds(10), null);
        }
        return inTransaction(work);
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        Map<Long, AccountRow> accountsBefore = new LinkedHashMap<>(accounts);
        Map<Long, ApiToken> tokensBefore = new LinkedHashMap<>(tokenRows);
        Map<Long, String> hashesBefore = new LinkedHashMap<>(tokenHashes);
        List<AuditEntry> auditBefore = new ArrayList<>(audit);
        depth++;
        try {
            return work.get();
        } catch (RuntimeException e) {
            accounts = accountsBefore;
            tokenRows = tokensBefore;
            tokenHashes = hashesBefore;
            audit = auditBefore;
            throw e;
        } finally {
            depth--;
        }
    }

    // --- AuditTrail

    @Override
    public synchronized void append(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            audit.add(new AuditEntry(nextId++, entry.at(), entry.actor(), entry.entity(), entry.entityId(),
                    entry.field(), entry.before(), entry.after()));
        }
    }

    @Override
    public synchronized Page<AuditEntry> list(AuditQuery query) {
        List<AuditEntry> newestFirst = new ArrayList<>(audit);
        java.util.Collections.reverse(newestFirst);
        return new Page<>(newestFirst, null, null, newestFirst.size());
    }

    synchronized List<AuditEntry> auditEntries() {
        return List.copyOf(audit);
    }

    // --- AccountRepository

    @Override
    public synchronized Optional<Account> insertIfNameFree(String name, Role role, String passwordHash, Instant createdAt) {
        if (findByName(name).isPresent()) {
            return Optional.empty();
        }
        Account account = new Account(nextId++, name, role, true, createdAt, null);
        accounts.put(account.id(), new AccountRow(account, passwordHash));
        return Optional.of(account);
    }

    @Override
    public synchronized Optional<StoredAccount> findByName(String name) {
        return accounts.values().stream()
                .filter(row -> AccountNames.key(row.account().name()).equals(AccountNames.key(name)))
                .findFirst().map(row -> new StoredAccount(row.account(), row.hash()));
    }

    @Override
    public synchronized Optional<StoredAccount> findById(long id) {
        return Optional.ofNullable(accounts.get(id)).map(row -> new StoredAccount(row.account(), row.hash()));
    }

    @Override
    public synchronized List<Account> listAll() {
        return accounts.values().stream().map(AccountRow::account)
                .sorted(Comparator.comparing(account -> AccountNames.key(account.name()))).toList();
    }

    @Override
    public synchronized void updatePasswordHash(long id, String passwordHash) {
        accounts.computeIfPresent(id, (k, row) -> new AccountRow(row.account(), passwordHash));
    }

    @Override
    public synchronized void updateEnabled(long id, boolean enabled) {
        accounts.computeIfPresent(id, (k, row) -> new AccountRow(with(row.account(), row.account().role(), enabled,
                row.account().lastSignInAt()), row.hash()));
    }

    @Override
    public synchronized void updateRole(long id, Role role) {
        accounts.computeIfPresent(id, (k, row) -> new AccountRow(with(row.account(), role, row.account().enabled(),
                row.account().lastSignInAt()), row.hash()));
    }

    @Override
    public synchronized void recordSignIn(long id, Instant at) {
        accounts.computeIfPresent(id, (k, row) -> new AccountRow(with(row.account(), row.account().role(),
                row.account().enabled(), at), row.hash()));
    }

    @Override
    public synchronized int countEnabledAdmins() {
        return (int) accounts.values().stream().map(AccountRow::account)
                .filter(account -> account.enabled() && account.role() == Role.ADMIN).count();
    }

    synchronized String passwordHashOf(String name) {
        return findByName(name).orElseThrow().passwordHash();
    }

    private static Account with(Account account, Role role, boolean enabled, Instant lastSignInAt) {
        return new Account(account.id(), account.name(), role, enabled, account.createdAt(), lastSignInAt);
    }

        /** Single-threaded like the tests that use it; the account side guards itself. */
    final class Tokens implements ApiTokenRepository {


        @Override
        public ApiToken insert(long accountId, String label, Scope scope, String tokenHash, Instant createdAt,
                                            Instant expiresAt) {
            ApiToken token = new ApiToken(nextId++, accountId, InMemoryAccessStore.this.accounts.get(accountId).account().name(), label, scope,
                    createdAt, null, expiresAt, null);
            tokenRows.put(token.id(), token);
            tokenHashes.put(token.id(), tokenHash);
            return token;
        }

        @Override
        public Optional<TokenGrant> findByHash(String tokenHash) {
            return tokenHashes.entrySet().stream().filter(entry -> entry.getValue().equals(tokenHash))
                    .findFirst().flatMap(entry -> findById(entry.getKey()));
        }

        @Override
        public Optional<TokenGrant> findById(long id) {
            ApiToken token = tokenRows.get(id);
            if (token == null) {
                return Optional.empty();
            }
            Account account = InMemoryAccessStore.this.accounts.get(token.accountId()).account();
            return Optional.of(new TokenGrant(token, account.role(), account.enabled()));
        }

        @Override
        public List<ApiToken> list(Long accountId) {
            List<ApiToken> listed = new ArrayList<>(tokenRows.values().stream()
                    .filter(token -> accountId == null || token.accountId() == accountId).toList());
            java.util.Collections.reverse(listed);
            return listed;
        }

        @Override
        public void revoke(long id, Instant at) {
            tokenRows.computeIfPresent(id, (k, t) -> t.revokedAt() != null ? t : new ApiToken(t.id(), t.accountId(),
                    t.accountName(), t.label(), t.scope(), t.createdAt(), t.lastUsedAt(), t.expiresAt(), at));
        }

        @Override
        public void recordUse(long id, Instant at, Instant staleBefore) {
            ApiToken t = tokenRows.get(id);
            if (t != null && (t.lastUsedAt() == null || t.lastUsedAt().isBefore(staleBefore))) {
                recordUseWrites.incrementAndGet();
                tokenRows.put(id, new ApiToken(t.id(), t.accountId(), t.accountName(), t.label(), t.scope(), t.createdAt(),
                        at, t.expiresAt(), t.revokedAt()));
            }
        }
    }

    synchronized List<String> storedTokenHashes() {
        return List.copyOf(tokenHashes.values());
    }
}
