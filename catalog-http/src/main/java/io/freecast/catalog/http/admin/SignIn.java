package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Caller;
import java.util.Optional;

/**
 * What the admin needs from the accounts: a name and password turned into a caller (throttled, the same
 * answer for every kind of failure), and a signed-in caller re-checked later.
 */
interface SignIn {

    /** @throws SignInRefusedException with the one message a person may see */
    Caller signIn(String accountName, String password, String clientAddress);

    /** The caller as its account is now (role changed), or empty when it may no longer act (disabled). */
    Optional<Caller> revalidate(Caller caller);

    final class SignInRefusedException extends RuntimeException {

        SignInRefusedException(String message) {
            super(message, null, false, false);
        }
    }
}
