package io.freecast.catalog.jdbc.internal;

import static io.freecast.catalog.jdbc.internal.schema.Tables.ACCOUNT;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.AccountNames;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.StoredAccount;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Accounts in the {@code account} table; names matched through {@code name_key}, their lowercase. */
final class JooqAccountRepository implements AccountRepository {

    private final DSLContext dsl;
    private final DatabaseKind kind;

    JooqAccountRepository(DSLContext dsl, DatabaseKind kind) {
        this.dsl = dsl;
        this.kind = kind;
    }

    @Override
    public Optional<Account> insertIfNameFree(String name, Role role, String passwordHash, Instant createdAt) {
        // ON CONFLICT DO NOTHING: a racing writer that took the name first makes this insert nothing, on
        // both databases, instead of failing the transaction with a constraint violation. The id is read back
        // by name rather than with RETURNING: on SQLite, jOOQ's RETURNING reports the previous insert's rowid
        // when DO NOTHING inserted nothing.
        int inserted = dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.NAME, name)
                .set(ACCOUNT.NAME_KEY, AccountNames.key(name))
                .set(ACCOUNT.ROLE, role.wireName())
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ACCOUNT.ENABLED, true)
                .set(ACCOUNT.CREATED_AT, Rows.toDb(createdAt))
                .onConflict(ACCOUNT.NAME_KEY).doNothing()
                .execute();
        if (inserted == 0) {
            return Optional.empty();
        }
        Optional<Long> id = Optional.of(dsl.select(ACCOUNT.ID).from(ACCOUNT)
                .where(ACCOUNT.NAME_KEY.eq(AccountNames.key(name))).fetchSingle(ACCOUNT.ID));
        return id.map(accountId -> new Account(accountId, name, role, true, Rows.fromDb(Rows.toDb(createdAt)), null));
    }

    @Override
    public Optional<StoredAccount> findByName(String name) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.NAME_KEY.eq(name.toLowerCase(Locale.ROOT)))
                .fetchOptional().map(JooqAccountRepository::stored);
    }

    @Override
    public Optional<StoredAccount> findById(long id) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional().map(JooqAccountRepository::stored);
    }

    @Override
    public List<Account> listAll() {
        return dsl.selectFrom(ACCOUNT).orderBy(ACCOUNT.NAME_KEY).fetch(JooqAccountRepository::account);
    }

    @Override
    public void updatePasswordHash(long id, String passwordHash) {
        dsl.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwordHash).where(ACCOUNT.ID.eq(id)).execute();
    }

    @Override
    public void updateEnabled(long id, boolean enabled) {
        dsl.update(ACCOUNT).set(ACCOUNT.ENABLED, enabled).where(ACCOUNT.ID.eq(id)).execute();
    }

    @Override
    public void updateRole(long id, Role role) {
        dsl.update(ACCOUNT).set(ACCOUNT.ROLE, role.wireName()).where(ACCOUNT.ID.eq(id)).execute();
    }

    @Override
    public void recordSignIn(long id, Instant at) {
        dsl.update(ACCOUNT).set(ACCOUNT.LAST_SIGN_IN_AT, Rows.toDb(at)).where(ACCOUNT.ID.eq(id)).execute();
    }

    @Override
    public int countEnabledAdmins() {
        var admins = dsl.select(ACCOUNT.ID).from(ACCOUNT)
                .where(ACCOUNT.ROLE.eq(Role.ADMIN.wireName()).and(ACCOUNT.ENABLED.isTrue()));
        // PostgreSQL: lock the rows counted, so a concurrent transaction demoting "another" admin waits and
        // then counts again. SQLite has no row locks and needs none: its write transactions run one at a time.
        return kind.locksRowsForUpdate() ? admins.forUpdate().fetch().size() : admins.fetch().size();
    }

    private static StoredAccount stored(Record row) {
        return new StoredAccount(account(row), row.get(ACCOUNT.PASSWORD_HASH));
    }

    private static Account account(Record row) {
        return new Account(row.get(ACCOUNT.ID), row.get(ACCOUNT.NAME), Role.fromWireName(row.get(ACCOUNT.ROLE)),
                row.get(ACCOUNT.ENABLED), Rows.fromDb(row.get(ACCOUNT.CREATED_AT)),
                Rows.fromDb(row.get(ACCOUNT.LAST_SIGN_IN_AT)));
    }
}
