package io.freecast.catalog.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.application.UseCases;
import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.IssuedToken;
import io.freecast.catalog.domain.NewToken;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.testing.MutableClock;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.StoredAccount;
import io.freecast.catalog.port.out.TokenGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage contract of accounts and API tokens: what {@link AccountRepository} and {@link ApiTokenRepository}
 * promise, and the access use-cases on top of them, on every store (in memory, SQLite, PostgreSQL). A store's
 * test says how to open an empty store and how to read its account and token tables raw.
 */
public abstract class AccessStorageContract {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123Z");
    private static final String HASH = "pbkdf2-sha256$1$AAAA$AAAA";
    private static final Caller OPERATOR = new Caller(Actor.operator("root"), Scope.ADMIN);

    protected final MutableClock clock = new MutableClock(T0);
    protected CatalogStore store;
    private AccountRepository accounts;
    private ApiTokenRepository tokens;

    /** A fresh, empty store of the kind under test, stamping times with {@code clock}. */
    protected abstract CatalogStore openStore(Clock clock);

    /**
     * Every value the store keeps for accounts and tokens, as text, as it lies in storage (for a database,
     * every column of every row of its tables): what must never hold a password or a token in clear.
     */
    protected abstract String rawAccessTables() throws Exception;

    /** Releases what {@link #openStore} opened. */
    protected void closeStore() {
        store.close();
    }

    @BeforeEach
    void open() {
        store = openStore(clock);
        accounts = store.ports().accounts();
        tokens = store.ports().apiTokens();
    }

    @AfterEach
    void close() {
        if (store != null) {
            closeStore();
        }
    }

    // ---------------------------------------------------------------- accounts

    @Test
    void anAccountIsStoredAndFoundByItsNameIgnoringCase() {
        Account alice = inTx(() -> accounts.insertIfNameFree("Alice.Ops", Role.EDITOR, HASH, T0)).orElseThrow();

        assertThat(alice).isEqualTo(new Account(alice.id(), "Alice.Ops", Role.EDITOR, true, T0, null));
        StoredAccount found = accounts.findByName("alice.OPS").orElseThrow();
        assertThat(found.account()).isEqualTo(alice);
        assertThat(found.passwordHash()).isEqualTo(HASH);
        assertThat(accounts.findById(alice.id()).orElseThrow()).isEqualTo(found);
        assertThat(accounts.findByName("bob")).isEmpty();
        assertThat(accounts.findById(alice.id() + 1)).isEmpty();
    }

    @Test
    void aTakenNameIgnoringCaseInsertsNothing() {
        inTx(() -> accounts.insertIfNameFree("alice", Role.EDITOR, HASH, T0));

        Optional<Account> second = inTx(() -> accounts.insertIfNameFree("ALICE", Role.ADMIN, HASH, T0));

        assertThat(second).isEmpty();
        assertThat(accounts.listAll()).extracting(Account::name, Account::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", Role.EDITOR));
    }

    @Test
    void racingInsertsOfOneNameLeaveExactlyOneAccount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<Account>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = i % 2 == 0 ? "racer" : "RACER";
                results.add(pool.submit(() -> {
                    start.await();
                    return inTx(() -> accounts.insertIfNameFree(name, Role.VIEWER, HASH, T0));
                }));
            }
            start.countDown();
            int inserted = 0;
            for (Future<Optional<Account>> result : results) {
                inserted += result.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(inserted).isEqualTo(1);
            assertThat(accounts.listAll()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void accountsAreListedByNameIgnoringCaseAndUpdatesRoundTrip() {
        long zed = inTx(() -> accounts.insertIfNameFree("zed", Role.ADMIN, HASH, T0)).orElseThrow().id();
        inTx(() -> accounts.insertIfNameFree("Bob", Role.VIEWER, HASH, T0));
        inTx(() -> accounts.insertIfNameFree("alice", Role.EDITOR, HASH, T0));

        inTx(() -> {
            accounts.updatePasswordHash(zed, "pbkdf2-sha256$2$BBBB$BBBB");
            accounts.updateEnabled(zed, false);
            accounts.updateRole(zed, Role.VIEWER);
            accounts.recordSignIn(zed, T0.plusSeconds(60));
            return null;
        });

        assertThat(accounts.listAll()).extracting(Account::name).containsExactly("alice", "Bob", "zed");
        StoredAccount changed = accounts.findById(zed).orElseThrow();
        assertThat(changed.passwordHash()).isEqualTo("pbkdf2-sha256$2$BBBB$BBBB");
        assertThat(changed.account()).isEqualTo(new Account(zed, "zed", Role.VIEWER, false, T0, T0.plusSeconds(60)));
    }

    @Test
    void enabledAdminsAreCounted() {
        assertThat(inTx(accounts::countEnabledAdmins)).isZero();
        long one = inTx(() -> accounts.insertIfNameFree("one", Role.ADMIN, HASH, T0)).orElseThrow().id();
        inTx(() -> accounts.insertIfNameFree("two", Role.ADMIN, HASH, T0));
        inTx(() -> accounts.insertIfNameFree("ed", Role.EDITOR, HASH, T0));
        assertThat(inTx(accounts::countEnabledAdmins)).isEqualTo(2);

        inTx(() -> {
            accounts.updateEnabled(one, false);
            return null;
        });
        assertThat(inTx(accounts::countEnabledAdmins)).isEqualTo(1);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceCannotBothSucceed() throws Exception {
        UseCases.Access services = services(null);
        services.accounts().addAccount(OPERATOR, "ann", Role.ADMIN, "a long enough passphrase");
        services.accounts().addAccount(OPERATOR, "ben", Role.ADMIN, "a long enough passphrase");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String name : List.of("ann", "ben")) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        services.accounts().changeRole(OPERATOR, name, Role.EDITOR);
                        return true;
                    } catch (InvalidEditException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
            assertThat(inTx(accounts::countEnabledAdmins)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void aTokenIsFoundByItsHashWithItsAccountAsItIsNow() {
        long alice = inTx(() -> accounts.insertIfNameFree("alice", Role.EDITOR, HASH, T0)).orElseThrow().id();
        Instant expires = T0.plus(Duration.ofDays(30));

        ApiToken token = inTx(() -> tokens.insert(alice, "deploy", Scope.EDIT, "ab".repeat(32), T0, expires));

        assertThat(token).isEqualTo(new ApiToken(token.id(), alice, "alice", "deploy", Scope.EDIT, T0, null, expires, null));
        assertThat(tokens.findByHash("ab".repeat(32))).contains(new TokenGrant(token, Role.EDITOR, true));
        assertThat(tokens.findByHash("cd".repeat(32))).isEmpty();

        inTx(() -> {
            accounts.updateEnabled(alice, false);
            accounts.updateRole(alice, Role.VIEWER);
            return null;
        });
        assertThat(tokens.findById(token.id())).contains(new TokenGrant(token, Role.VIEWER, false));
    }

    @Test
    void tokensAreListedNewestFirstPerAccountOrAll() {
        long alice = inTx(() -> accounts.insertIfNameFree("alice", Role.EDITOR, HASH, T0)).orElseThrow().id();
        long bob = inTx(() -> accounts.insertIfNameFree("bob", Role.EDITOR, HASH, T0)).orElseThrow().id();
        ApiToken a1 = inTx(() -> tokens.insert(alice, "a1", Scope.READ, "01".repeat(32), T0, null));
        ApiToken b1 = inTx(() -> tokens.insert(bob, "b1", Scope.READ, "02".repeat(32), T0, null));
        ApiToken a2 = inTx(() -> tokens.insert(alice, "a2", Scope.EDIT, "03".repeat(32), T0, null));

        assertThat(tokens.list(null)).containsExactly(a2, b1, a1);
        assertThat(tokens.list(alice)).containsExactly(a2, a1);
    }

    @Test
    void revokingKeepsTheFirstRevocationTime() {
        long alice = inTx(() -> accounts.insertIfNameFree("alice", Role.EDITOR, HASH, T0)).orElseThrow().id();
        ApiToken token = inTx(() -> tokens.insert(alice, "t", Scope.READ, "01".repeat(32), T0, null));

        inTx(() -> {
            tokens.revoke(token.id(), T0.plusSeconds(10));
            tokens.revoke(token.id(), T0.plusSeconds(20));
            return null;
        });

        assertThat(tokens.findById(token.id()).orElseThrow().token().revokedAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void lastUseIsWrittenOnlyWhenOlderThanTheStaleMark() {
        long alice = inTx(() -> accounts.insertIfNameFree("alice", Role.EDITOR, HASH, T0)).orElseThrow().id();
        ApiToken token = inTx(() -> tokens.insert(alice, "t", Scope.READ, "01".repeat(32), T0, null));

        recordUse(token.id(), T0.plusSeconds(5), T0.minusSeconds(55));
        recordUse(token.id(), T0.plusSeconds(30), T0.minusSeconds(30));
        assertThat(lastUsed(token.id())).isEqualTo(T0.plusSeconds(5));

        recordUse(token.id(), T0.plusSeconds(70), T0.plusSeconds(10));
        assertThat(lastUsed(token.id())).isEqualTo(T0.plusSeconds(70));
    }

    // ---------------------------------------------------------------- the use-cases on this database

    @Test
    void theStoreHoldsNeitherPasswordsNorTokenValuesInClearNorDoesTheAuditTrail() throws Exception {
        UseCases.Access services = services(null);
        String password = "Plain-Text-Password-Never-Stored";
        services.accounts().addAccount(OPERATOR, "alice", Role.ADMIN, password);
        IssuedToken issued = services.tokens().createToken(OPERATOR, new NewToken("alice", "ci", Scope.ADMIN, null));
        services.authentication().signIn("alice", password, "192.0.2.1", Channel.WEB);

        String everything = rawAccessTables();

        assertThat(everything).contains("alice", "pbkdf2-sha256$600000$")
                .doesNotContain(password, issued.secret(), issued.secret().substring(4));
        List<AuditEntry> audit = store.ports().auditTrail().list(AuditQuery.all(null)).items();
        assertThat(audit).extracting(AuditEntry::entity).contains("account", "token", "login");
        assertThat(audit.toString()).doesNotContain(password, issued.secret(), issued.secret().substring(4));
    }

    @Test
    void aRevokedOrExpiredTokenIsRefusedOnTheNextCheck() {
        UseCases.Access services = services(null);
        services.accounts().addAccount(OPERATOR, "alice", Role.EDITOR, "a long enough passphrase");
        IssuedToken revoked = services.tokens().createToken(OPERATOR, new NewToken("alice", "r", Scope.EDIT, null));
        IssuedToken expiring = services.tokens().createToken(OPERATOR,
                new NewToken("alice", "e", Scope.READ, T0.plus(Duration.ofMinutes(10))));
        assertThat(services.authentication().authenticateToken(revoked.secret(), "192.0.2.1", Channel.API).scope())
                .isEqualTo(Scope.EDIT);
        assertThat(services.authentication().authenticateToken(expiring.secret(), "192.0.2.1", Channel.API).scope())
                .isEqualTo(Scope.READ);

        services.tokens().revokeToken(OPERATOR, revoked.token().id());
        clock.advance(Duration.ofMinutes(10));

        for (IssuedToken refused : List.of(revoked, expiring)) {
            assertThatThrownBy(() -> services.authentication().authenticateToken(refused.secret(), "192.0.2.1", Channel.API))
                    .isExactlyInstanceOf(AuthenticationFailedException.class);
        }
        assertThat(tokens.findById(revoked.token().id()).orElseThrow().token().lastUsedAt()).isEqualTo(T0);
    }

    // ---------------------------------------------------------------- helpers

    /** The access services on this store's ports, its audit trail included. */
    private UseCases.Access services(String bootstrapToken) {
        return UseCases.access(accounts, tokens, store.ports().auditTrail(), store.ports().transactions(), clock,
                bootstrapToken);
    }

    private <T> T inTx(java.util.function.Supplier<T> work) {
        return store.ports().transactions().inTransaction(work);
    }

    private void recordUse(long id, Instant at, Instant staleBefore) {
        inTx(() -> {
            tokens.recordUse(id, at, staleBefore);
            return null;
        });
    }

    private Instant lastUsed(long id) {
        return tokens.findById(id).orElseThrow().token().lastUsedAt();
    }
}
