package io.freecast.catalog.application;

import io.freecast.catalog.domain.AccountNames;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.NotPermittedException;

/** Who may manage which accounts and tokens: the admin scope any, a person signed in with a password their own. */
final class Permissions {

    private Permissions() {
    }

    static void requireAdmin(Caller caller) {
        if (!caller.may(Scope.ADMIN)) {
            throw new NotPermittedException(caller, Scope.ADMIN);
        }
    }

    /**
     * The admin scope, or the account itself signed in with its password. A token never manages its own
     * account's credentials (a leaked token must not be able to mint more or change the password).
     */
    static void requireAdminOrSelf(Caller caller, String accountName) {
        if (!caller.may(Scope.ADMIN) && !isSignedInAs(caller, accountName)) {
            throw new NotPermittedException(caller, Scope.ADMIN);
        }
    }

    static boolean isSignedInAs(Caller caller, String accountName) {
        Actor actor = caller.actor();
        return actor.kind() == Actor.Kind.ACCOUNT && accountName != null
                && AccountNames.problem(accountName).isEmpty()
                && AccountNames.key(actor.name()).equals(AccountNames.key(accountName));
    }
}
