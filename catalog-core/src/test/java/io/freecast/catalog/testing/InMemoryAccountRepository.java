package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.AccountNames;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.StoredAccount;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Accounts in memory, as the database keeps them: names unique ignoring case (a taken name inserts nothing),
 * times to the millisecond, writes joining the caller's transaction.
 */
final class InMemoryAccountRepository implements AccountRepository {

    private final InMemoryTransactions transactions;
    private final Sequence ids;

    InMemoryAccountRepository(InMemoryTransactions transactions, Sequence ids) {
        this.transactions = transactions;
        this.ids = ids;
    }

    @Override
    public Optional<Account> insertIfNameFree(String name, Role role, String passwordHash, Instant createdAt) {
        return transactions.write(tables -> {
            if (find(tables.access, name).isPresent()) {
                return Optional.empty();
            }
            Account account = new Account(ids.next(), name, role, true, createdAt.truncatedTo(ChronoUnit.MILLIS), null);
            tables.access.accounts.put(account.id(), new StoredAccount(account, passwordHash));
            return Optional.of(account);
        });
    }

    @Override
    public Optional<StoredAccount> findByName(String name) {
        return transactions.read(tables -> find(tables.access, name));
    }

    @Override
    public Optional<StoredAccount> findById(long id) {
        return transactions.read(tables -> Optional.ofNullable(tables.access.accounts.get(id)));
    }

    @Override
    public List<Account> listAll() {
        return transactions.read(tables -> tables.access.accounts.values().stream().map(StoredAccount::account)
                .sorted(Comparator.comparing(account -> AccountNames.key(account.name()))).toList());
    }

    @Override
    public void updatePasswordHash(long id, String passwordHash) {
        update(id, stored -> new StoredAccount(stored.account(), passwordHash));
    }

    @Override
    public void updateEnabled(long id, boolean enabled) {
        update(id, stored -> new StoredAccount(with(stored.account(), stored.account().role(), enabled,
                stored.account().lastSignInAt()), stored.passwordHash()));
    }

    @Override
    public void updateRole(long id, Role role) {
        update(id, stored -> new StoredAccount(with(stored.account(), role, stored.account().enabled(),
                stored.account().lastSignInAt()), stored.passwordHash()));
    }

    @Override
    public void recordSignIn(long id, Instant at) {
        update(id, stored -> new StoredAccount(with(stored.account(), stored.account().role(), stored.account().enabled(),
                at.truncatedTo(ChronoUnit.MILLIS)), stored.passwordHash()));
    }

    @Override
    public int countEnabledAdmins() {
        // One transaction writes at a time here, as on SQLite, so counting needs no lock.
        return transactions.read(tables -> (int) tables.access.accounts.values().stream().map(StoredAccount::account)
                .filter(account -> account.enabled() && account.role() == Role.ADMIN).count());
    }

    private void update(long id, UnaryOperator<StoredAccount> change) {
        transactions.write(tables -> tables.access.accounts.computeIfPresent(id, (key, stored) -> change.apply(stored)));
    }

    private static Optional<StoredAccount> find(AccessTables tables, String name) {
        String key = AccountNames.key(name);
        return tables.accounts.values().stream()
                .filter(stored -> AccountNames.key(stored.account().name()).equals(key)).findFirst();
    }

    private static Account with(Account account, Role role, boolean enabled, Instant lastSignInAt) {
        return new Account(account.id(), account.name(), role, enabled, account.createdAt(), lastSignInAt);
    }
}
