package io.freecast.catalog.application;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.AccountNames;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.port.in.AccountAdministration;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.StoredAccount;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Adds and changes accounts, each change audited in the transaction that makes it. */
final class AccountAdministrationService implements AccountAdministration {

    private final AccountRepository accounts;
    private final Transactions transactions;
    private final SecurityAudit audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    AccountAdministrationService(AccountRepository accounts, Transactions transactions, SecurityAudit audit,
                                 PasswordHasher hasher, Clock clock) {
        this.accounts = accounts;
        this.transactions = transactions;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public Account addAccount(Caller caller, String name, Role role, String password) {
        Permissions.requireAdmin(caller);
        List<FieldViolation> violations = new ArrayList<>(CredentialRules.nameViolations(name));
        if (role == null) {
            violations.add(new FieldViolation("role", "is required: viewer, editor or admin"));
        }
        violations.addAll(CredentialRules.passwordViolations(name, password));
        if (!violations.isEmpty()) {
            throw new InvalidEditException(violations);
        }
        // Hashed before the transaction: it takes a good part of a second, and must not hold the write lock.
        String hash = hasher.hash(password);
        return transactions.inInteractiveTransaction(() -> {
            Account account = accounts.insertIfNameFree(name, role, hash, clock.instant())
                    .orElseThrow(() -> new InvalidEditException(
                            List.of(new FieldViolation("name", "an account with this name already exists"))));
            audit.record(caller, SecurityAudit.ACCOUNT, account.id(), "*", null,
                    "name=" + account.name() + ", role=" + role.wireName() + ", enabled=true");
            return account;
        });
    }

    @Override
    public List<Account> listAccounts(Caller caller) {
        Permissions.requireAdmin(caller);
        return accounts.listAll();
    }

    @Override
    public Account getAccount(Caller caller, String name) {
        Permissions.requireAdminOrSelf(caller, name);
        return find(name).account();
    }

    @Override
    public void changePassword(Caller caller, String name, String newPassword) {
        Permissions.requireAdminOrSelf(caller, name);
        Account account = find(name).account();
        List<FieldViolation> violations = CredentialRules.passwordViolations(account.name(), newPassword);
        if (!violations.isEmpty()) {
            throw new InvalidEditException(violations);
        }
        String hash = hasher.hash(newPassword);
        transactions.inInteractiveTransaction(() -> {
            accounts.updatePasswordHash(account.id(), hash);
            audit.record(caller, SecurityAudit.ACCOUNT, account.id(), "password", null, null);
            return null;
        });
    }

    @Override
    public Account setEnabled(Caller caller, String name, boolean enabled) {
        Permissions.requireAdmin(caller);
        return transactions.inInteractiveTransaction(() -> {
            Account account = find(name).account();
            if (account.enabled() == enabled) {
                return account;
            }
            if (!enabled && account.role() == Role.ADMIN) {
                requireAnotherAdmin("enabled", "the last enabled admin account cannot be disabled");
            }
            accounts.updateEnabled(account.id(), enabled);
            audit.record(caller, SecurityAudit.ACCOUNT, account.id(), "enabled",
                    String.valueOf(account.enabled()), String.valueOf(enabled));
            return new Account(account.id(), account.name(), account.role(), enabled, account.createdAt(),
                    account.lastSignInAt());
        });
    }

    @Override
    public Account changeRole(Caller caller, String name, Role role) {
        Permissions.requireAdmin(caller);
        if (role == null) {
            throw new InvalidEditException(List.of(new FieldViolation("role", "is required: viewer, editor or admin")));
        }
        return transactions.inInteractiveTransaction(() -> {
            Account account = find(name).account();
            if (account.role() == role) {
                return account;
            }
            if (account.role() == Role.ADMIN && account.enabled()) {
                requireAnotherAdmin("role", "the last enabled admin account cannot lose the admin role");
            }
            accounts.updateRole(account.id(), role);
            audit.record(caller, SecurityAudit.ACCOUNT, account.id(), "role", account.role().wireName(),
                    role.wireName());
            return new Account(account.id(), account.name(), role, account.enabled(), account.createdAt(),
                    account.lastSignInAt());
        });
    }

    /** Counted inside the changing transaction, with the admin rows locked, so two admins demoting each other cannot both succeed. */
    private void requireAnotherAdmin(String field, String message) {
        if (accounts.countEnabledAdmins() <= 1) {
            throw new InvalidEditException(List.of(new FieldViolation(field, message)));
        }
    }

    private StoredAccount find(String name) {
        Objects.requireNonNull(name, "name");
        if (AccountNames.problem(name).isPresent()) {
            throw new ItemNotFoundException("no account has that name");
        }
        return accounts.findByName(name)
                .orElseThrow(() -> new ItemNotFoundException("account " + name + " does not exist"));
    }
}
