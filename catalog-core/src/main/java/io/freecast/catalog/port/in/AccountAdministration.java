package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Role;
import java.util.List;

/**
 * Managing accounts: the CLI's {@code users} commands, the admin's account pages and the API's account
 * routes all go through it. Every method checks the caller itself: it needs the {@code admin} scope, except
 * that a person signed in with a password may change their own password. Every change is recorded in the
 * audit trail (entity {@code account}; a password change as the field {@code password}, without values).
 *
 * <p>Accounts are named by their name, ignoring case. Rules: a name is 1–64 characters of letters, digits
 * and {@code . _ @ -} ({@link io.freecast.catalog.domain.AccountNames}); a password is 12–1024 characters
 * and not the account's name. The last enabled admin account cannot be disabled or lose its role, so an
 * installation never locks itself out.
 *
 * @throws NotPermittedException  (every method) when the caller's scope is too small
 * @throws ItemNotFoundException  when a named account does not exist
 * @throws InvalidEditException   listing every rule broken (HTTP 422); messages never repeat a password
 */
public interface AccountAdministration {

    /** Adds an enabled account. A name taken (ignoring case) is an {@link InvalidEditException} on {@code name}. */
    Account addAccount(Caller caller, String name, Role role, String password);

    /** Every account, by name. */
    List<Account> listAccounts(Caller caller);

    Account getAccount(Caller caller, String name);

    /** Sets a new password. Admin scope, or the account's own holder signed in with its password. */
    void changePassword(Caller caller, String name, String newPassword);

    /** Enables or disables an account; disabling refuses its sign-ins and all its tokens at once. */
    Account setEnabled(Caller caller, String name, boolean enabled);

    /** Gives an account another role; its tokens never act above the new role from the next request on. */
    Account changeRole(Caller caller, String name, Role role);
}
